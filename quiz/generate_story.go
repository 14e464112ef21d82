package quiz

import "strings"

// stories put each metric's figures into a sentence a salesperson might
// hear, so a metric problem reads like a real question rather than a
// form. {input-id} stands for that input's generated value.
var stories = map[string]string{
	"cac":         "Marketing spent {marketing-spend} and sales {sales-spend} last quarter to win {new-customers} new customers. What is the CAC?",
	"clv":         "A typical customer spends {avg-purchase-value} per purchase, buys {purchases-per-year} times a year and stays {lifespan-years} years, at a gross margin of {gross-margin}. What is the CLV?",
	"churn":       "You began the quarter with {customers-start} customers and {customers-lost} of them left. What is the churn rate?",
	"retention":   "You began the year with {customers-start} customers, won {new-customers} new ones and ended it with {customers-end}. What is the customer retention rate?",
	"nps":         "A survey drew {promoters} promoters, {passives} passives and {detractors} detractors. What is the NPS?",
	"conversion":  "Marketing passed {leads} leads to sales and {new-customers} of them became customers. What is the lead-to-customer conversion rate?",
	"engagement":  "A campaign reached an audience of {audience} and drew {interactions} interactions. What is the engagement rate?",
	"roi":         "A campaign cost {cost} and brought in {revenue} of revenue. What is its ROI?",
	"mrr":         "{customers} customers each pay {arpa} a month on average. What is the MRR?",
	"arr":         "Monthly recurring revenue stands at {mrr}. What is the ARR?",
	"ros":         "Net sales were {net-sales} and operating profit {operating-profit}. What is the return on sales?",
	"csat":        "{satisfied} of {responses} survey responses said they were satisfied. What is the CSAT score?",
	"bounce":      "Of {sessions} website sessions, {single-page-sessions} left after a single page. What is the bounce rate?",
	"clv-cac":     "Customers are worth {clv} over their lifetime and cost {cac} to win. What is the CLV:CAC ratio?",
	"payback":     "Winning a customer costs {cac}; they pay {arpa} a month at a gross margin of {gross-margin}. What is the CAC payback period in months?",
	"cpa":         "A sign-up campaign spent {campaign-spend} and produced {conversions} conversions. What is the CPA?",
	"cpc":         "The search ads cost {ad-spend} last week for {clicks} clicks. What is the CPC?",
	"win-rate":    "Last quarter the team won {deals-won} deals and lost {deals-lost}. What is the win rate?",
	"sales-cycle": "The {deals-won} deals won this quarter took {total-days} days in all from first meeting to signature. What is the sales cycle length in days?",
	"nrr":         "Existing customers paid {starting-mrr} a month at the start of the year; upgrades added {expansion}, downgrades cost {contraction} and cancellations {churned-mrr}. What is the NRR?",
	"open-rate":   "A newsletter reached {delivered} inboxes and {opens} people opened it. What is the open rate?",
	"ctor":        "Of the {opens} people who opened an email, {clicks} clicked a link. What is the CTOR?",
}

// story fills metric id's sentence with values (input id → text). ok is
// false when the metric has no sentence or one it cannot fill, and the
// caller lists the figures instead.
func story(id string, values map[string]string) (string, bool) {
	tmpl, ok := stories[id]
	if !ok {
		return "", false
	}
	pairs := make([]string, 0, 2*len(values))
	for k, v := range values {
		pairs = append(pairs, "{"+k+"}", v)
	}
	text := strings.NewReplacer(pairs...).Replace(tmpl)
	return text, !strings.ContainsAny(text, "{}")
}

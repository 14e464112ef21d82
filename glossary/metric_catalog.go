package glossary

import "fmt"

// catalogue builds the metrics in the calculator's order. IDs, input IDs
// and input order are the `crm101 calc` contract (issue 3); labels are
// the words of the glossary formulas, which a test holds them to.
func catalogue() []Metric {
	return []Metric{
		{
			ID: "cac", Term: "Customer Acquisition Cost", Unit: UnitMoney,
			Template: "CAC = ({marketing-spend} + {sales-spend}) ÷ {new-customers}",
			Inputs: []Input{
				money("marketing-spend", "marketing spend", "30,000"),
				money("sales-spend", "sales spend", "20,000"),
				positive(count("new-customers", "new customers", "100")),
			},
			compute: func(v Values) float64 {
				return (v["marketing-spend"] + v["sales-spend"]) / v["new-customers"]
			},
			interpret: func(r float64, _ Values) string {
				return fmt.Sprintf("A lifetime value of about %s (3 × CAC) or more is commonly cited as healthy.", FormatMoney(3*r))
			},
		},
		{
			ID: "clv", Term: "Customer Lifetime Value", Unit: UnitMoney,
			Template: "CLV = {avg-purchase-value} × {purchases-per-year} × {lifespan-years} × {gross-margin}",
			Inputs: []Input{
				money("avg-purchase-value", "average purchase value", "100"),
				{ID: "purchases-per-year", Label: "purchases per year", Kind: KindNumber, Placeholder: "4"},
				{ID: "lifespan-years", Label: "lifespan in years", Kind: KindYears, Placeholder: "5"},
				{ID: "gross-margin", Label: "gross margin", Kind: KindPercent, Placeholder: "100", Optional: true, Default: 100, Max: 100},
			},
			compute: func(v Values) float64 {
				return v["avg-purchase-value"] * v["purchases-per-year"] * v["lifespan-years"] * v["gross-margin"] / 100
			},
			interpret: func(r float64, _ Values) string {
				return fmt.Sprintf("Spending up to about %s (a third of CLV) to win such a customer is commonly cited as healthy.", FormatMoney(r/3))
			},
		},
		{
			ID: "churn", Term: "Churn Rate", Unit: UnitPercent,
			Template: "Churn rate = {customers-lost} ÷ {customers-start} × 100%",
			Inputs: []Input{
				positive(count("customers-start", "customers at start", "200")),
				count("customers-lost", "customers lost", "10"),
			},
			rules: []rule{notMore("customers-lost", "customers-start", "customers lost cannot be more than customers at start")},
			compute: func(v Values) float64 {
				return v["customers-lost"] / v["customers-start"] * 100
			},
			interpret: func(r float64, _ Values) string {
				return "Lower is better; for subscriptions, monthly churn under about 5% is commonly cited as acceptable."
			},
		},
		{
			ID: "retention", Term: "Customer Retention Rate", Unit: UnitPercent,
			Template: "Retention rate = ({customers-end} − {new-customers}) ÷ {customers-start} × 100%",
			Inputs: []Input{
				positive(count("customers-start", "customers at start", "200")),
				count("customers-end", "customers at end", "210"),
				count("new-customers", "new customers", "30"),
			},
			rules: []rule{
				notMore("new-customers", "customers-end", "new customers cannot be more than customers at end"),
				{
					blame: "customers-end", uses: []string{"customers-start", "customers-end", "new-customers"},
					broken: func(v Values) bool { return v["customers-end"]-v["new-customers"] > v["customers-start"] },
					msg:    "customers at end minus new customers cannot be more than customers at start",
				},
			},
			compute: func(v Values) float64 {
				return (v["customers-end"] - v["new-customers"]) / v["customers-start"] * 100
			},
			interpret: func(r float64, _ Values) string {
				return fmt.Sprintf("Higher is better; over the same period it mirrors churn (here about %s lost).", FormatPercent(100-r))
			},
		},
		{
			ID: "nps", Term: "Net Promoter Score", Unit: UnitScore,
			Template: "NPS = {pct-promoters} − {pct-detractors}",
			Inputs: []Input{
				count("promoters", "promoters", "120"),
				count("passives", "passives", "50"),
				count("detractors", "detractors", "30"),
			},
			Derived: []Derived{
				{ID: "pct-promoters", Label: "% promoters", Kind: KindPercent, Value: func(v Values) float64 { return share(v, "promoters") }},
				{ID: "pct-detractors", Label: "% detractors", Kind: KindPercent, Value: func(v Values) float64 { return share(v, "detractors") }},
			},
			rules: []rule{{
				blame: "promoters", uses: []string{"promoters", "passives", "detractors"},
				broken: func(v Values) bool { return v["promoters"]+v["passives"]+v["detractors"] == 0 },
				msg:    "promoters, passives and detractors are all 0; at least one response is needed to compute NPS",
			}},
			compute: func(v Values) float64 {
				return share(v, "promoters") - share(v, "detractors")
			},
			interpret: func(r float64, _ Values) string {
				switch {
				case r < 0:
					return "NPS runs from −100 to 100; below 0 means more detractors than promoters."
				case r >= 50:
					return "NPS runs from −100 to 100; 50 and above is commonly cited as excellent."
				}
				return "NPS runs from −100 to 100; above 0 means more promoters than detractors, and 50+ is commonly cited as excellent."
			},
		},
		{
			ID: "conversion", Term: "Lead-to-Customer Conversion Rate", Unit: UnitPercent,
			Template: "Conversion rate = {new-customers} ÷ {leads} × 100%",
			Inputs: []Input{
				positive(count("leads", "leads", "400")),
				count("new-customers", "new customers", "20"),
			},
			rules: []rule{notMore("new-customers", "leads", "new customers cannot be more than leads")},
			compute: func(v Values) float64 {
				return v["new-customers"] / v["leads"] * 100
			},
			interpret: func(r float64, _ Values) string {
				return "Rates vary widely by industry and lead source; it is most useful compared with your own earlier periods."
			},
		},
		{
			ID: "engagement", Term: "Customer Engagement Rate", Unit: UnitPercent,
			Template: "Engagement rate = {interactions} ÷ {audience} × 100%",
			Inputs: []Input{
				count("interactions", "interactions", "1,500"),
				positive(count("audience", "audience", "10,000")),
			},
			compute: func(v Values) float64 {
				return v["interactions"] / v["audience"] * 100
			},
			interpret: func(r float64, _ Values) string {
				return "There is no universal benchmark; compare channels and periods that count interactions the same way."
			},
		},
		{
			ID: "roi", Term: "Return on Investment", Unit: UnitPercent,
			Template: "ROI = ({revenue} − {cost}) ÷ {cost} × 100%",
			Inputs: []Input{
				money("revenue", "revenue", "15,000"),
				positive(money("cost", "cost", "10,000")),
			},
			compute: func(v Values) float64 {
				return (v["revenue"] - v["cost"]) / v["cost"] * 100
			},
			interpret: func(r float64, v Values) string {
				back := FormatMoney(v["revenue"] / v["cost"])
				switch {
				case r < 0:
					return "Below 0 the investment lost money: each $1.00 spent brought back " + back + "."
				case r == 0:
					return "Exactly 0 means the investment broke even."
				}
				return "Above 0 the investment paid for itself: each $1.00 spent brought back " + back + "."
			},
		},
		{
			ID: "mrr", Term: "Monthly Recurring Revenue", Unit: UnitMoney,
			Template: "MRR = {customers} × {arpa}",
			Inputs: []Input{
				count("customers", "paying customers", "250"),
				money("arpa", "average revenue per account", "80"),
			},
			compute: func(v Values) float64 { return v["customers"] * v["arpa"] },
			interpret: func(r float64, _ Values) string {
				return fmt.Sprintf("Only subscription revenue counts, not one-off sales; × 12 gives an ARR of %s.", FormatMoney(12*r))
			},
		},
		{
			ID: "arr", Term: "Annual Recurring Revenue", Unit: UnitMoney,
			Template: "ARR = {mrr} × 12",
			Inputs:   []Input{money("mrr", "MRR", "20,000")},
			compute:  func(v Values) float64 { return v["mrr"] * 12 },
			interpret: func(r float64, _ Values) string {
				return "A run rate, not a forecast: it assumes this month's subscriptions all continue for a year."
			},
		},
		{
			ID: "ros", Term: "Return on Sales", Unit: UnitPercent,
			Template: "ROS = {operating-profit} ÷ {net-sales} × 100%",
			Inputs: []Input{
				{ID: "operating-profit", Label: "operating profit", Kind: KindMoney, Placeholder: "15,000", Negative: true},
				positive(money("net-sales", "net sales", "100,000")),
			},
			compute: func(v Values) float64 {
				return v["operating-profit"] / v["net-sales"] * 100
			},
			interpret: func(r float64, _ Values) string {
				return fmt.Sprintf("Each $1.00 of sales leaves %s of operating profit; compare within the same industry.", FormatMoney(r/100))
			},
		},
		{
			ID: "csat", Term: "Customer Satisfaction Score", Unit: UnitPercent,
			Template: "CSAT = {satisfied} ÷ {responses} × 100%",
			Inputs: []Input{
				count("satisfied", "satisfied responses", "170"),
				positive(count("responses", "all responses", "200")),
			},
			rules: []rule{notMore("satisfied", "responses", "satisfied responses cannot be more than all responses")},
			compute: func(v Values) float64 {
				return v["satisfied"] / v["responses"] * 100
			},
			interpret: func(r float64, _ Values) string {
				return "Higher is better; scores of about 80% and above are commonly cited as good."
			},
		},
		{
			ID: "bounce", Term: "Bounce Rate", Unit: UnitPercent,
			Template: "Bounce rate = {single-page-sessions} ÷ {sessions} × 100%",
			Inputs: []Input{
				count("single-page-sessions", "single-page sessions", "450"),
				positive(count("sessions", "all sessions", "1,000")),
			},
			rules: []rule{notMore("single-page-sessions", "sessions", "single-page sessions cannot be more than all sessions")},
			compute: func(v Values) float64 {
				return v["single-page-sessions"] / v["sessions"] * 100
			},
			interpret: func(r float64, _ Values) string {
				return "Lower is usually better; roughly 25–70% is commonly cited as typical, depending on the kind of page."
			},
		},
		{
			ID: "clv-cac", Term: "CLV:CAC Ratio", Unit: UnitRatio,
			Template: "CLV:CAC ratio = {clv} ÷ {cac}",
			Inputs: []Input{
				money("clv", "CLV", "1,500"),
				positive(money("cac", "CAC", "500")),
			},
			compute: func(v Values) float64 { return v["clv"] / v["cac"] },
			interpret: func(r float64, _ Values) string {
				switch {
				case r < 1:
					return "Below 1 : 1 a customer is worth less than it costs to win; about 3 : 1 is commonly cited as healthy."
				case r > 5:
					return "About 3 : 1 is commonly cited as healthy; far above it may mean you could invest more in growth."
				}
				return "About 3 : 1 is commonly cited as healthy; below 1 : 1 a customer costs more than it brings in."
			},
		},
		{
			ID: "payback", Term: "CAC Payback Period", Unit: UnitMonths,
			Template: "CAC payback period = {cac} ÷ ({arpa} × {gross-margin})",
			Inputs: []Input{
				money("cac", "CAC", "500"),
				positive(money("arpa", "ARPA", "80")),
				{ID: "gross-margin", Label: "gross margin", Kind: KindPercent, Placeholder: "75", Positive: true, Max: 100},
			},
			compute: func(v Values) float64 {
				return v["cac"] / (v["arpa"] * v["gross-margin"] / 100)
			},
			interpret: func(r float64, _ Values) string {
				return "Months of margin needed to earn back CAC; under about 12 is commonly cited as healthy for subscriptions."
			},
		},
		{
			ID: "cpa", Term: "Cost per Acquisition", Unit: UnitMoney,
			Template: "CPA = {campaign-spend} ÷ {conversions}",
			Inputs: []Input{
				money("campaign-spend", "campaign spend", "4,500"),
				positive(count("conversions", "conversions", "90")),
			},
			compute: func(v Values) float64 { return v["campaign-spend"] / v["conversions"] },
			interpret: func(r float64, _ Values) string {
				return "Compare it with what a conversion is worth to you; it sits between cost per lead and CAC."
			},
		},
		{
			ID: "cpc", Term: "Cost per Click", Unit: UnitMoney,
			Template: "CPC = {ad-spend} ÷ {clicks}",
			Inputs: []Input{
				money("ad-spend", "ad spend", "1,200"),
				positive(count("clicks", "clicks", "800")),
			},
			compute: func(v Values) float64 { return v["ad-spend"] / v["clicks"] },
			interpret: func(r float64, _ Values) string {
				return "Cheap clicks only pay if they convert: follow them through to cost per lead and CAC."
			},
		},
		{
			ID: "win-rate", Term: "Win Rate", Unit: UnitPercent,
			Template: "Win rate = {deals-won} ÷ ({deals-won} + {deals-lost}) × 100%",
			Inputs: []Input{
				count("deals-won", "deals won", "18"),
				count("deals-lost", "deals lost", "42"),
			},
			rules: []rule{{
				blame: "deals-won", uses: []string{"deals-won", "deals-lost"},
				broken: func(v Values) bool { return v["deals-won"]+v["deals-lost"] == 0 },
				msg:    "deals won and deals lost are both 0; at least one closed deal is needed",
			}},
			compute: func(v Values) float64 {
				return v["deals-won"] / (v["deals-won"] + v["deals-lost"]) * 100
			},
			interpret: func(r float64, _ Values) string {
				return "Open deals are left out; compare it with your own earlier quarters and by deal source."
			},
		},
		{
			ID: "sales-cycle", Term: "Sales Cycle Length", Unit: UnitDays,
			Template: "Sales cycle length = {total-days} ÷ {deals-won}",
			Inputs: []Input{
				{ID: "total-days", Label: "total days to close", Kind: KindNumber, Placeholder: "540"},
				positive(count("deals-won", "deals won", "12")),
			},
			compute: func(v Values) float64 { return v["total-days"] / v["deals-won"] },
			interpret: func(r float64, _ Values) string {
				return "Shorter is better: revenue arrives sooner; bigger deals usually take longer."
			},
		},
		{
			ID: "nrr", Term: "Net Revenue Retention", Unit: UnitPercent,
			Template: "NRR = ({starting-mrr} + {expansion} − {contraction} − {churned-mrr}) ÷ {starting-mrr} × 100%",
			Inputs: []Input{
				positive(money("starting-mrr", "starting MRR", "100,000")),
				money("expansion", "expansion", "15,000"),
				money("contraction", "contraction", "3,000"),
				money("churned-mrr", "churned MRR", "7,000"),
			},
			rules: []rule{{
				blame: "churned-mrr", uses: []string{"starting-mrr", "contraction", "churned-mrr"},
				broken: func(v Values) bool { return v["contraction"]+v["churned-mrr"] > v["starting-mrr"] },
				msg:    "contraction plus churned MRR cannot be more than starting MRR",
			}},
			compute: func(v Values) float64 {
				return (v["starting-mrr"] + v["expansion"] - v["contraction"] - v["churned-mrr"]) / v["starting-mrr"] * 100
			},
			interpret: func(r float64, _ Values) string {
				if r >= 100 {
					return "At or above 100% existing customers grow faster than revenue leaks away."
				}
				return "Below 100% the customers you keep do not make up for what leaves; compare gross revenue retention."
			},
		},
		{
			ID: "open-rate", Term: "Open Rate", Unit: UnitPercent,
			Template: "Open rate = {opens} ÷ {delivered} × 100%",
			Inputs: []Input{
				count("opens", "opens", "1,000"),
				positive(count("delivered", "emails delivered", "4,000")),
			},
			rules:   []rule{notMore("opens", "delivered", "opens cannot be more than emails delivered")},
			compute: func(v Values) float64 { return v["opens"] / v["delivered"] * 100 },
			interpret: func(r float64, _ Values) string {
				return "Mail apps that open emails for privacy inflate it; compare your own sends over time."
			},
		},
		{
			ID: "ctor", Term: "Click-to-Open Rate", Unit: UnitPercent,
			Template: "CTOR = {clicks} ÷ {opens} × 100%",
			Inputs: []Input{
				count("clicks", "clicks", "150"),
				positive(count("opens", "opens", "1,000")),
			},
			rules:   []rule{notMore("clicks", "opens", "clicks cannot be more than opens")},
			compute: func(v Values) float64 { return v["clicks"] / v["opens"] * 100 },
			interpret: func(r float64, _ Values) string {
				return "It judges the email's content: only people who opened it count."
			},
		},
	}
}

func money(id, label, placeholder string) Input {
	return Input{ID: id, Label: label, Kind: KindMoney, Placeholder: placeholder}
}

func count(id, label, placeholder string) Input {
	return Input{ID: id, Label: label, Kind: KindCount, Placeholder: placeholder}
}

func positive(in Input) Input {
	in.Positive = true
	return in
}

// notMore is the rule "part cannot exceed whole", blamed on the part.
func notMore(part, whole, msg string) rule {
	return rule{
		blame: part, uses: []string{part, whole},
		broken: func(v Values) bool { return v[part] > v[whole] },
		msg:    msg,
	}
}

// share is one NPS group as a percentage of all responses; 0 when there
// are none, though the NPS rule stops that case before it matters.
func share(v Values, id string) float64 {
	total := v["promoters"] + v["passives"] + v["detractors"]
	if total == 0 {
		return 0
	}
	return v[id] / total * 100
}

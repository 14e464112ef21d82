package quiz

import (
	"fmt"

	"github.com/crm101/crm101/glossary"
)

// articleQuestion is one of the "Test Yourself" questions that close the
// ActiveCampaign "CRM 101" article, rewritten in our words. The answers
// are hand-written, so article_test.go checks each against the glossary
// entries it names: the glossary is the truth (the reworded copy of the
// article states persona vs profile backwards).
type articleQuestion struct {
	// term is the entry under test (any of its names); also the entries
	// whose definitions make up the explanation shown afterwards.
	term    string
	explain []string
	prompt  string
	// options and answer make a choice question; without options the
	// learner types the entry's name.
	options []string
	answer  int
}

// articleQuestions is the article's quiz. Distractors are written to be
// clearly wrong for someone who knows the glossary, including the
// backwards persona/profile statement the mangled copy makes.
var articleQuestions = []articleQuestion{
	{
		term:    "Pipeline",
		explain: []string{"Pipeline"},
		prompt:  "In a CRM, what does the pipeline refer to?",
		options: []string{
			"A series of stages that tracks how each deal or sales opportunity moves toward a close.",
			"The list of every contact who has ever shared an email address with the business.",
			"The connection that copies data between the CRM and other software.",
			"The queue of support tickets still waiting for a reply.",
		},
		answer: 0,
	},
	{
		term:    "Sales Qualified Lead",
		explain: []string{"Sales Qualified Lead"},
		prompt:  "What do we call a lead that sales has judged highly likely to buy? Type the term.",
	},
	{
		term:    "Customer Persona",
		explain: []string{"Customer Persona", "Customer Profile"},
		prompt:  "What is the difference between a customer persona and a customer profile?",
		options: []string{
			"A persona is a semi-fictional character standing for your ideal customer; a profile is a detailed, data-based description of that customer.",
			"A persona is a detailed, data-based description of your ideal customer; a profile is a semi-fictional character standing for that customer.",
			"There is none: they are two names for the same document.",
			"A persona describes one real, named customer; a profile describes a whole market.",
		},
		answer: 0,
	},
}

// fitsArticle: the article asks about a few entries only.
func (gen *Generator) fitsArticle(i int) bool {
	_, ok := articleFor(gen.g, i)
	return ok
}

// article is the article's own question about entry i.
func (gen *Generator) article(i int) (Question, error) {
	a, _ := articleFor(gen.g, i)
	return a.question(gen, i)
}

// articleFor finds the article question about entry i, if the glossary
// holds every entry the question needs.
func articleFor(g *glossary.Glossary, i int) (articleQuestion, bool) {
	for _, a := range articleQuestions {
		j, ok := g.Index(a.term)
		if !ok || j != i {
			continue
		}
		for _, x := range a.explain {
			if _, ok := g.Index(x); !ok {
				return articleQuestion{}, false
			}
		}
		return a, true
	}
	return articleQuestion{}, false
}

func (a articleQuestion) question(gen *Generator, i int) (Question, error) {
	e := gen.g.At(i)
	var explain string
	for k, x := range a.explain {
		o, _ := gen.g.Lookup(x)
		if k > 0 {
			explain += "\n"
		}
		explain += o.Title() + ": " + o.Definition
	}
	q := Question{Kind: Article, Term: e.Term, Prompt: a.prompt, Back: explain}
	if len(a.options) == 0 {
		q.Answer, q.Accept, q.Confusable = e.Term, e.Names(), gen.confusable(i, e.Names())
		return q, nil
	}
	if a.answer < 0 || a.answer >= len(a.options) {
		return Question{}, fmt.Errorf("article question about %q: answer index %d out of range", e.Term, a.answer)
	}
	q.Options, q.AnswerIndex = gen.options(a.options[a.answer], without(a.options, a.answer))
	q.Answer = a.options[a.answer]
	return q, nil
}

func without(s []string, i int) []string {
	out := make([]string, 0, len(s)-1)
	out = append(out, s[:i]...)
	return append(out, s[i+1:]...)
}

package quiz

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crm101/crm101/glossary"
)

// testEntries mirrors real glossary entries closely enough to exercise
// every rule: acronyms, aliases inside definitions, related links,
// several categories, the article's pipeline / SQL / persona terms.
func testEntries() []glossary.Entry {
	return []glossary.Entry{
		{Term: "Customer Acquisition Cost", Acronym: "CAC", Aliases: []string{"Acquisition Cost"}, Category: glossary.Metrics,
			Definition: "What it costs, on average, to win one new customer once marketing and sales spending are added together.",
			Example:    "We spent $50,000 and signed 100 customers, so our CAC was $500.",
			Formula:    "CAC = (marketing spend + sales spend) ÷ new customers", Related: []string{"CLV"}},
		{Term: "Customer Lifetime Value", Acronym: "CLV", Aliases: []string{"Lifetime Value", "LTV"}, Category: glossary.Metrics,
			Definition: "The revenue a typical customer brings in over the whole relationship; lifetime value tells you how much a new customer is worth.",
			Example:    "With a CLV of $3,000 and a CAC of $500, each customer returns six times its cost.", Related: []string{"CAC"}},
		{Term: "Churn Rate", Aliases: []string{"Customer Churn"}, Category: glossary.Metrics,
			Definition: "The share of customers who stop buying from you in a period. Rising customer churn is an early warning.",
			Example:    "We lost 5 of 200 customers this month: a churn rate of 2.5%.", Related: []string{"Customer Retention Rate"}},
		{Term: "Customer Retention Rate", Aliases: []string{"Retention Rate"}, Category: glossary.Metrics,
			Definition: "The share of customers at the start of a period who are still customers at its end.", Related: []string{"Churn Rate"}},
		{Term: "Net Promoter Score", Acronym: "NPS", Category: glossary.Metrics,
			Definition: "A loyalty score: the percentage of promoters minus the percentage of detractors among surveyed customers."},
		{Term: "Monthly Recurring Revenue", Acronym: "MRR", Category: glossary.Metrics,
			Definition: "Predictable subscription revenue earned each month.", Related: []string{"ARR"}},
		{Term: "Annual Recurring Revenue", Acronym: "ARR", Category: glossary.Metrics,
			Definition: "Predictable subscription revenue earned over a year.", Related: []string{"MRR"}},
		{Term: "Key Performance Indicator", Acronym: "KPI", Category: glossary.Metrics,
			Definition: "A measure a team tracks over time to see whether it is reaching its goals."},
		{Term: "Pipeline", Aliases: []string{"Sales Pipeline"}, Category: glossary.Sales,
			Definition: "A visual set of stages showing where each deal or sales opportunity stands on its way to a close.",
			Related:    []string{"Deal"}},
		{Term: "Deal", Aliases: []string{"Opportunity"}, Category: glossary.Sales,
			Definition: "A potential sale being worked in the pipeline, with a value and an expected close date."},
		{Term: "Lead", Category: glossary.Sales,
			Definition: "A person or company that has shown interest in what you sell but has not been qualified yet."},
		{Term: "Sales Qualified Lead", Acronym: "SQL", Category: glossary.Sales,
			Definition: "A prospect that sales has assessed as highly likely to buy and ready for direct contact.",
			Related:    []string{"Lead", "Marketing Qualified Lead"}},
		{Term: "Marketing Qualified Lead", Acronym: "MQL", Category: glossary.Marketing,
			Definition: "A prospect whose engagement suggests interest, passed on to sales for a closer look.", Related: []string{"SQL"}},
		{Term: "Lead Scoring", Category: glossary.Sales,
			Definition: "Ranking prospects with points for their traits and actions, so sales calls the warmest first."},
		{Term: "Deal Scoring", Category: glossary.Sales,
			Definition: "Giving each open opportunity points for its size, activity and progress, to forecast which will close."},
		{Term: "Customer Persona", Aliases: []string{"Buyer Persona", "Marketing Persona"}, Category: glossary.Marketing,
			Definition: "A semi-fictional character that stands for your ideal customer, drawn from research.",
			Related:    []string{"Customer Profile"}},
		{Term: "Customer Profile", Category: glossary.Marketing,
			Definition: "A detailed, data-based description of your ideal customer: demographics, interests, behaviours, motivations and pain points.",
			Related:    []string{"Customer Persona"}},
		{Term: "Segmentation", Aliases: []string{"Customer Segmentation"}, Category: glossary.Marketing,
			Definition: "Grouping contacts by shared traits or actions so each group gets messages that fit it."},
		{Term: "Customer Relationship Management", Acronym: "CRM", Category: glossary.DataTechnology,
			Definition: "Software and practice for managing every interaction with customers and prospects."},
		{Term: "Application Programming Interface", Acronym: "API", Category: glossary.DataTechnology,
			Definition: "A defined way for one program to ask another for data or actions."},
	}
}

func testGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.New(testEntries())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func newGen(g *glossary.Glossary, seed uint64) *Generator {
	return NewGenerator(g, rand.New(rand.NewPCG(seed, seed)))
}

// checkQuestion asserts the rules every generated question obeys.
func checkQuestion(t *testing.T, g *glossary.Glossary, q Question) {
	t.Helper()
	e, ok := g.Lookup(q.Term)
	if !ok || e.Term != q.Term {
		t.Errorf("%s %q: Term is not a canonical glossary term", q.Kind, q.Term)
		return
	}
	if strings.TrimSpace(q.Prompt) == "" || strings.TrimSpace(q.Answer) == "" {
		t.Errorf("%s %q: empty prompt or answer: %+v", q.Kind, q.Term, q)
	}
	// Where the answer is the term itself, the prompt must not name it.
	if q.Kind == Choice || q.Kind == Typed || (q.Kind == Article && len(q.Options) == 0) {
		if m := Mask(q.Prompt, e.Names()); m != q.Prompt {
			t.Errorf("%s %q: prompt gives the answer away:\n%s", q.Kind, q.Term, q.Prompt)
		}
	}
	if len(q.Options) > 0 {
		checkOptions(t, g, q)
	}
	if len(q.Options) == 0 && q.Kind != Flashcard {
		if v := Check(q, q.Answer); !v.Correct || v.Typo {
			t.Errorf("%s %q: its own answer %q is graded %+v", q.Kind, q.Term, q.Answer, v)
		}
	}
}

func checkOptions(t *testing.T, g *glossary.Glossary, q Question) {
	t.Helper()
	want := OptionCount
	if q.Kind == Compare {
		want = max(2, len(q.Options)) // a confusable set: its members
	}
	if len(q.Options) != want {
		t.Errorf("%s %q: %d options, want %d", q.Kind, q.Term, len(q.Options), want)
		return
	}
	if q.AnswerIndex < 0 || q.AnswerIndex >= want || q.Options[q.AnswerIndex] != q.Answer {
		t.Errorf("%s %q: answer %q not at index %d of %q", q.Kind, q.Term, q.Answer, q.AnswerIndex, q.Options)
	}
	seen := map[string]bool{}
	for _, o := range q.Options {
		if seen[answerKey(o)] {
			t.Errorf("%s %q: duplicate option %q in %q", q.Kind, q.Term, o, q.Options)
		}
		seen[answerKey(o)] = true
	}
	e, _ := g.Lookup(q.Term)
	for k, o := range q.Options {
		if k == q.AnswerIndex {
			continue
		}
		for _, n := range e.Names() {
			if answerKey(o) == answerKey(n) {
				t.Errorf("%s %q: distractor %q is a name of the answer", q.Kind, q.Term, o)
			}
		}
		if q.Kind == Choice {
			if d, ok := g.Lookup(o); ok && answerKey(d.Definition) == answerKey(e.Definition) {
				t.Errorf("%s %q: distractor %q has the answer's definition", q.Kind, q.Term, o)
			}
			// Near-synonyms and confusable-set members are never wrong options.
			if slices.Contains(glossary.Near(q.Term), o) {
				t.Errorf("%s %q: distractor %q is a near-synonym", q.Kind, q.Term, o)
			}
			for _, set := range g.Compare(q.Term) {
				if slices.Contains(set.Members, o) {
					t.Errorf("%s %q: distractor %q is in its confusable set", q.Kind, q.Term, o)
				}
			}
		}
	}
}

func TestEveryTermEveryKindFollowsTheRules(t *testing.T) {
	g := testGlossary(t)
	for seed := uint64(1); seed <= 5; seed++ {
		gen := newGen(g, seed)
		for _, e := range g.Entries() {
			for _, k := range gen.Kinds(e.Term) {
				q, err := gen.For(e.Term, k)
				if err != nil {
					t.Fatalf("For(%q, %s): %v", e.Term, k, err)
				}
				if q.Kind != k {
					t.Errorf("For(%q, %s) made a %s question", e.Term, k, q.Kind)
				}
				checkQuestion(t, g, q)
			}
		}
	}
}

func TestKindsFitTheTerm(t *testing.T) {
	gen := newGen(testGlossary(t), 1)
	cases := []struct {
		term string
		want []Kind
	}{
		// Its one sentence says "costs", blanked: as the right option of a
		// reverse choice that blank would mark it.
		{"Customer Acquisition Cost", []Kind{Flashcard, Choice, Acronym, Typed, Metric}},
		{"cac", []Kind{Flashcard, Choice, Acronym, Typed, Metric}},
		{"Pipeline", []Kind{Flashcard, Choice, ReverseChoice, Typed, Article}},
		{"Buyer Persona", []Kind{Flashcard, Choice, ReverseChoice, Typed, Article}},
		{"Customer Profile", []Kind{Flashcard, Choice, ReverseChoice, Typed}},
		{"SQL", []Kind{Flashcard, Choice, ReverseChoice, Acronym, Typed, Article}},
		{"No Such Term", nil},
	}
	for _, c := range cases {
		if got := gen.Kinds(c.term); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Kinds(%q) = %v, want %v", c.term, got, c.want)
		}
	}
}

func TestForRejectsWhatDoesNotFit(t *testing.T) {
	gen := newGen(testGlossary(t), 1)
	if _, err := gen.For("Pipeline", Acronym); !errors.Is(err, ErrKindDoesNotFit) {
		t.Errorf("acronym question about Pipeline: err = %v, want ErrKindDoesNotFit", err)
	}
	if _, err := gen.For("Lead", Article); !errors.Is(err, ErrKindDoesNotFit) {
		t.Errorf("article question about Lead: err = %v, want ErrKindDoesNotFit", err)
	}
	if _, err := gen.For("Nope", Typed); err == nil || !strings.Contains(err.Error(), `"Nope"`) {
		t.Errorf("unknown term: err = %v", err)
	}
	if _, err := gen.For("Lead", "riddle"); err == nil || !strings.Contains(err.Error(), "riddle") {
		t.Errorf("unknown kind: err = %v", err)
	}
	es := testEntries()
	small, err := glossary.New([]glossary.Entry{es[0], es[1], es[4]})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newGen(small, 1).For("CAC", Choice); !errors.Is(err, ErrKindDoesNotFit) {
		t.Errorf("choice from a 3-entry glossary: err = %v, want ErrKindDoesNotFit", err)
	}
}

func TestDistractorsPreferRelatedThenCategory(t *testing.T) {
	g := testGlossary(t)
	for seed := uint64(1); seed <= 20; seed++ {
		gen := newGen(g, seed)
		q, err := gen.For("Customer Acquisition Cost", Choice)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(q.Options, "Customer Lifetime Value") {
			t.Errorf("seed %d: related CLV missing from %q", seed, q.Options)
		}
		for _, o := range q.Options {
			if e, _ := g.Lookup(o); e.Category != glossary.Metrics {
				t.Errorf("seed %d: %q from %s offered though Metrics has enough entries", seed, o, e.Category)
			}
		}
	}
}

func TestDistractorsNeverAliasOrSameDefinition(t *testing.T) {
	es := testEntries()[:8] // the Metrics entries
	es = append(es,
		// Reads as the answer's alias once plural is ignored.
		glossary.Entry{Term: "Customer Churns", Category: glossary.Metrics, Definition: "Made-up entry whose name echoes an alias of Churn Rate."},
		// A second entry with Churn Rate's very definition.
		glossary.Entry{Term: "Attrition", Category: glossary.Metrics, Definition: es[2].Definition},
	)
	g, err := glossary.New(es)
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 30; seed++ {
		q, err := newGen(g, seed).For("Churn Rate", Choice)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range q.Options {
			if o == "Customer Churns" || o == "Attrition" {
				t.Fatalf("seed %d: forbidden distractor %q in %q", seed, o, q.Options)
			}
		}
		checkQuestion(t, g, q)
	}
}

func TestSameSeedSameQuestions(t *testing.T) {
	g := testGlossary(t)
	a, err := newGen(g, 42).Quiz(12, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newGen(g, 42).Quiz(12, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different quizzes")
	}
	c, err := newGen(g, 43).Quiz(12, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(a, c) {
		t.Fatal("seeds 42 and 43 gave the same quiz: the seed is not used")
	}
}

func TestQuizIsBalanced(t *testing.T) {
	g := testGlossary(t)
	qs, err := newGen(g, 7).Quiz(8, []Kind{Typed, Choice}, nil)
	if err != nil {
		t.Fatal(err)
	}
	count := map[Kind]int{}
	cats := map[glossary.Category]int{}
	terms := map[string]bool{}
	for _, q := range qs {
		count[q.Kind]++
		e, _ := g.Lookup(q.Term)
		cats[e.Category]++
		if terms[q.Term] {
			t.Errorf("term %q asked twice", q.Term)
		}
		terms[q.Term] = true
	}
	if count[Typed] != 4 || count[Choice] != 4 {
		t.Errorf("kinds = %v, want 4 typed and 4 choice", count)
	}
	// 8 questions over 4 categories holding ≥2 entries each: 2 apiece.
	for _, c := range []glossary.Category{glossary.Metrics, glossary.Sales, glossary.Marketing, glossary.DataTechnology} {
		if cats[c] != 2 {
			t.Errorf("categories = %v, want 2 of each", cats)
			break
		}
	}
}

func TestQuizFiltersAndLimits(t *testing.T) {
	g := testGlossary(t)
	qs, err := newGen(g, 3).Quiz(4, []Kind{Acronym}, []glossary.Category{glossary.Metrics})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if e, _ := g.Lookup(q.Term); q.Kind != Acronym || e.Category != glossary.Metrics {
			t.Errorf("got a %s question about %q (%s)", q.Kind, q.Term, e.Category)
		}
	}
	if _, err := newGen(g, 3).Quiz(7, []Kind{Acronym}, []glossary.Category{glossary.Metrics}); err == nil {
		t.Error("7 acronym questions from 6 Metrics acronyms: no error")
	}
	if _, err := newGen(g, 3).Quiz(0, nil, nil); err == nil {
		t.Error("0 questions: no error")
	}
	if _, err := newGen(g, 3).Quiz(1, []Kind{"riddle"}, nil); err == nil {
		t.Error("unknown kind: no error")
	}
	if _, err := newGen(g, 3).Quiz(1, nil, []glossary.Category{"Gardening"}); err == nil {
		t.Error("unknown category: no error")
	}
}

// An acronym question takes every worded name of the term (its
// expansions and worded aliases), never another acronym.
func TestAcronymQuestionAcceptsExpansionsOnly(t *testing.T) {
	q, err := newGen(testGlossary(t), 1).For("CLV", Acronym)
	if err != nil {
		t.Fatal(err)
	}
	if q.Prompt != "What does CLV stand for?" {
		t.Errorf("prompt = %q", q.Prompt)
	}
	for answer, want := range map[string]bool{"customer lifetime value": true, "lifetime value": true, "LTV": false, "CLV": false} {
		if got := Check(q, answer).Correct; got != want {
			t.Errorf("Check(%q).Correct = %v, want %v", answer, got, want)
		}
	}
}

// The built-in glossary grows while this package is written; these hold
// for any size: every fitting kind of every entry follows the rules.
func TestBuiltinGlossaryEveryKind(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	gen := newGen(g, 1)
	for _, e := range g.Entries() {
		kinds := gen.Kinds(e.Term)
		if !slices.Contains(kinds, Flashcard) || !slices.Contains(kinds, Typed) {
			t.Errorf("%q: kinds %v lack flashcard or typed", e.Term, kinds)
		}
		for _, k := range Kinds() {
			q, err := gen.For(e.Term, k)
			if !slices.Contains(kinds, k) {
				if !errors.Is(err, ErrKindDoesNotFit) {
					t.Errorf("For(%q, %s) outside Kinds: err = %v", e.Term, k, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("For(%q, %s): %v", e.Term, k, err)
			}
			checkQuestion(t, g, q)
		}
	}
}

// A mixed quiz over the built-in glossary: every question follows the
// rules, and each kind that some built-in term fits turns up.
func TestBuiltinQuiz(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := min(g.Len(), 2*len(Kinds()))
	qs, err := newGen(g, 9).Quiz(n, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[Kind]bool{}
	for _, q := range qs {
		checkQuestion(t, g, q)
		seen[q.Kind] = true
	}
	gen := newGen(g, 9)
	for _, k := range Kinds() {
		fits := slices.ContainsFunc(g.Entries(), func(e glossary.Entry) bool { return slices.Contains(gen.Kinds(e.Term), k) })
		if fits && !seen[k] && n >= 2*len(Kinds()) {
			t.Errorf("no %s question in a %d-question mixed quiz", k, n)
		}
	}
}

// No option of a reverse-choice question names the asked term: the
// right one would give itself away, a wrong one would rule itself out.
func TestReverseChoiceOptionsNeverNameTheTerm(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	gen := newGen(g, 3)
	for _, e := range g.Entries() {
		q, err := gen.For(e.Term, ReverseChoice)
		if err != nil {
			continue // the kind does not fit this term
		}
		for _, opt := range q.Options {
			if masked := Mask(opt, e.Names()); masked != opt {
				t.Errorf("%s: option names it: %q", e.Term, opt)
			}
		}
	}
}

// The trainer's "A ____ or a ____ is a person…; a ____ is one purchase":
// when a compare prompt blanks two or more members, each member's blanks
// are numbered; one member's blanks stay plain.
func TestComparePromptNumbersEachMembersBlanks(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	gen := newGen(g, 1)
	i, _ := g.Index("Deal")
	s := gen.keys()[i].sets[0]
	got, others := gen.comparePrompt(i, s, g.At(i).Definition)
	if want := "A [term 1] or a [term 2] is a person or company; a [term 3] is one purchase they might make."; !strings.HasSuffix(got, want) || others != 2 {
		t.Fatalf("Deal's definition as a compare prompt: %q (%d others), want it to end %q", got, others, want)
	}
	labelled := 0
	for seed := uint64(1); seed <= 20; seed++ {
		gen := newGen(g, seed)
		for _, e := range g.Entries() {
			q, err := gen.For(e.Term, Compare)
			if err != nil {
				continue
			}
			if strings.Contains(q.Prompt, "[term ") {
				labelled++
				if strings.Contains(q.Prompt, Blank) || !strings.Contains(q.Prompt, "[term 2]") {
					t.Errorf("%s: mixed or single-member labels: %q", e.Term, q.Prompt)
				}
			}
		}
	}
	if labelled == 0 {
		t.Error("no compare prompt over 20 seeds blanked two members")
	}
}

// The trainer's "150 sign-ups … our ____ was $20": each cost-per
// scenario names what its member divides by, and nothing another
// member divides by, so one answer fits.
func TestCostPerScenariosSingleOutTheirMember(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	units := map[string][]string{
		"Cost per Lead":             {"lead"},
		"Cost per Acquisition":      {"convert", "conversion"},
		"Customer Acquisition Cost": {"new accounts", "new customers", "paying customers"},
	}
	for term, own := range units {
		e, ok := g.Lookup(term)
		if !ok {
			t.Fatalf("no %s", term)
		}
		ex := strings.ToLower(e.Example)
		if !slices.ContainsFunc(own, func(u string) bool { return strings.Contains(ex, u) }) {
			t.Errorf("%s: example %q names none of %q", term, e.Example, own)
		}
		for other, theirs := range units {
			for _, u := range theirs {
				if other != term && strings.Contains(ex, u) {
					t.Errorf("%s: example %q names %q, which %s counts", term, e.Example, u, other)
				}
			}
		}
		if strings.Contains(ex, "sign-up") {
			t.Errorf("%s: example %q counts sign-ups, which could be leads or conversions", term, e.Example)
		}
	}
}

// The trainer's HubSpot beside Inbound Marketing's look-alikes: an entry
// tagged as a vendor is never offered beside concepts, either way round.
func TestVendorsAreNeverDistractorsForConcepts(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	vendor := map[string]bool{}
	for _, e := range g.Entries() {
		if slices.Contains(e.Tags, VendorTag) {
			vendor[e.Term] = true
		}
	}
	if !vendor["HubSpot"] {
		t.Fatal("HubSpot is not tagged as a vendor in assets/glossary.yaml")
	}
	for seed := uint64(1); seed <= 20; seed++ {
		gen := newGen(g, seed)
		for _, e := range g.Entries() {
			for _, k := range []Kind{Choice, ReverseChoice} {
				q, err := gen.For(e.Term, k)
				if err != nil {
					continue
				}
				for n, o := range q.Options {
					other := o
					if k == ReverseChoice {
						other = ""
						for _, d := range g.Entries() {
							if d.Definition == o {
								other = d.Term
							}
						}
					}
					if n != q.AnswerIndex && other != "" && vendor[other] != vendor[e.Term] {
						t.Errorf("seed %d: %s question about %s offers %s", seed, k, e.Term, other)
					}
				}
			}
		}
	}
}

// The trainer's "every ____ … from ____ to ____": a wrong option of a
// reverse-choice question is another term's definition as written, with
// none of its own words blanked; and the right option has no blank
// either, which would mark it: it leaves out the sentences naming it.
func TestReverseChoiceWrongOptionsAreWhole(t *testing.T) {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	defs := map[string]bool{}
	for _, e := range g.Entries() {
		defs[e.Definition] = true
	}
	for seed := uint64(1); seed <= 5; seed++ {
		gen := newGen(g, seed)
		for _, e := range g.Entries() {
			q, err := gen.For(e.Term, ReverseChoice)
			if err != nil {
				continue // the kind does not fit this term
			}
			for k, opt := range q.Options {
				if k != q.AnswerIndex && (!defs[opt] || strings.Contains(opt, Blank)) {
					t.Errorf("%s: wrong option %d is not a definition as written: %q", e.Term, k+1, opt)
				}
				if k == q.AnswerIndex && strings.Contains(opt, Blank) {
					t.Errorf("%s: the right option stands out by its blank: %q", e.Term, opt)
				}
			}
		}
	}
}

// confusable finds exactly the names a comparison with every name in the
// glossary finds: one edit from an accepted answer of five letters or more.
func TestConfusableMatchesBruteForce(t *testing.T) {
	g, err := glossary.New([]glossary.Entry{
		{Term: "Contact", Category: glossary.Sales, Definition: "A person."},
		{Term: "Contract", Category: glossary.Sales, Definition: "A signed deal."},
		{Term: "Contacts Hub", Aliases: []string{"Kontakt"}, Category: glossary.Sales, Definition: "Where people are kept."},
		{Term: "Churn", Aliases: []string{"Chrun", "Churns"}, Category: glossary.Metrics, Definition: "Leaving."},
		{Term: "Café Lead", Category: glossary.Sales, Definition: "A lead met over coffee."},
		{Term: "Cafe Leads", Category: glossary.Sales, Definition: "Leads met over coffee."},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []*glossary.Glossary{g, builtinOrSkip(t)} {
		gen := newGen(src, 1)
		for i, e := range src.Entries() {
			got := gen.confusable(i, e.Names())
			var want []string
			for j, o := range src.Entries() {
				if j == i {
					continue
				}
				for _, n := range o.Names() {
					for _, a := range e.Names() {
						ak := answerKey(a)
						if utf8.RuneCountInString(ak) >= minTypoLetters && glossary.EditDistance(answerKey(n), ak, 1) == 1 {
							want = append(want, n)
							break
						}
					}
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(slices.Compact(got), slices.Compact(want)) {
				t.Errorf("%s: confusable %v, want %v", e.Term, got, want)
			}
		}
	}
}

func builtinOrSkip(t *testing.T) *glossary.Glossary {
	g, err := glossary.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// A definition that is nothing but the term's own names fits no
// question that shows it masked: "____ (____)." would give itself away.
func TestDefinitionOfOnlyNamesFitsNoMaskedKind(t *testing.T) {
	g, err := glossary.New([]glossary.Entry{
		{Term: "Net Revenue Retention", Acronym: "NRR", Category: glossary.Metrics, Definition: "Net revenue retention (NRR)."},
		{Term: "Churn Rate", Category: glossary.Metrics, Definition: "Share of customers lost."},
		{Term: "Bounce Rate", Category: glossary.Metrics, Definition: "Share of one-page visits."},
		{Term: "Retention Rate", Category: glossary.Metrics, Definition: "Share of customers kept."},
		{Term: "Engagement Rate", Category: glossary.Metrics, Definition: "Interactions per audience."},
	})
	if err != nil {
		t.Fatal(err)
	}
	gen := newGen(g, 1)
	for _, k := range []Kind{Typed, Choice, ReverseChoice} {
		if gen.Fits("Net Revenue Retention", k) {
			t.Errorf("%s fits a definition made of the term's names", k)
		}
	}
}

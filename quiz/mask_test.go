package quiz

import "testing"

func TestMask(t *testing.T) {
	cases := []struct {
		name, text string
		names      []string
		want       string
	}{
		{"term", "Churn Rate is the share of customers lost.", []string{"Churn Rate"}, "____ is the share of customers lost."},
		{"case-insensitive", "a high churn rate hurts", []string{"Churn Rate"}, "a high ____ hurts"},
		{"acronym", "Compare CLV with CAC.", []string{"Customer Acquisition Cost", "CAC"}, "Compare CLV with ____."},
		{"plural", "Leads arrive; a lead converts.", []string{"Lead"}, "____ arrive; a ____ converts."},
		{"plural -es", "Sales processes vary.", []string{"Sales Process"}, "____ vary."},
		{"whole words only", "Misleading leadership: a lead.", []string{"Lead"}, "Misleading leadership: a ____."},
		{"suffix belongs to a longer word", "The Leadsheet lists each lead.", []string{"Lead"}, "The Leadsheet lists each ____."},
		{"longest name first", "Customer lifetime value, or lifetime value, …", []string{"Lifetime Value", "Customer Lifetime Value"}, "____, or ____, …"},
		{"space runs and line breaks", "a Customer\n  Persona helps", []string{"Customer Persona"}, "a ____ helps"},
		{"punctuation in the name", "A CLV:CAC ratio of 3.", []string{"CLV:CAC Ratio"}, "A ____ of 3."},
		{"regexp characters are literal", "Use C++ or C.", []string{"C++"}, "Use ____ or C."},
		{"at the very start and end", "NPS… NPS", []string{"NPS"}, "____… ____"},
		{"empty names are ignored", "text", []string{"", " "}, "text"},
		{"no match", "nothing here", []string{"Pipeline"}, "nothing here"},
		{"a hyphenated word goes whole", "a CRM-based, self-serve CRM tool", []string{"CRM"}, "a ____, self-serve ____ tool"},
		{"the name ends a compound", "our in-house-CRM team", []string{"CRM"}, "our ____ team"},
		{"a hyphen at a word's edge is punctuation", "CRM - and -CRM", []string{"CRM"}, "____ - and -____"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Mask(c.text, c.names); got != c.want {
				t.Errorf("Mask(%q, %q) = %q, want %q", c.text, c.names, got, c.want)
			}
		})
	}
}

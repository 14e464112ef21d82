package main

import "testing"

// A trainee opens the calculator on CAC, fills the form in the real
// binary, reads the result, looks the term up in the glossary, comes
// back to the form as they left it, and quits.
func TestE2ECalculateJourney(t *testing.T) {
	s := startTUI(t, 80, 24, []string{"NO_COLOR=1"}, "calc", "cac")
	s.waitFor("Customer Acquisition Cost", "› marketing spend")
	s.sendText("30,000")
	s.send("Tab")
	s.sendText("$20k")
	s.send("Tab")
	s.sendText("0")
	s.waitFor("✗ new customers must be at least 1 to compute") // "CAC" wraps at 80
	s.send("BSpace")
	s.sendText("1")
	s.waitFor("CAC = $50,000.00")
	s.sendText("00")
	s.waitFor("CAC = $500.00", "CAC = ($30,000.00 + $20,000.00) ÷ 100 = $500.00")
	s.send("C-g")
	s.waitFor("Definition", "alt+← back")
	s.send("M-Left")
	s.waitFor("CAC = $500.00", "› new customers")
	s.send("C-c")
	s.waitExit()
}

// `crm101 calc` opens on the picker; typing filters it.
func TestE2ECalculatePicker(t *testing.T) {
	s := startTUI(t, 80, 24, []string{"NO_COLOR=1"}, "calc")
	s.waitFor("Metric ›", "CAC payback period")
	s.sendText("nps")
	s.send("Enter")
	s.waitFor("Net Promoter Score", "› promoters")
	s.sendText("120")
	s.send("Tab")
	s.sendText("50")
	s.send("Tab")
	s.sendText("30")
	s.waitFor("NPS = 45", "NPS = 60% − 15% = 45")
	s.send("C-c")
	s.waitExit()
}

// From a metric's entry on Browse, c opens it in the calculator.
func TestE2EBrowseEntryOpensCalculator(t *testing.T) {
	s := startTUI(t, 80, 24, []string{"NO_COLOR=1"}, "browse", "churn rate")
	s.waitFor("Search › churn rate", "Definition")
	s.send("Enter")
	s.waitFor("c calculate")
	s.send("c")
	s.waitFor("Churn rate = customers lost ÷ customers at start", "› customers at start")
	s.sendText("200")
	s.send("Tab")
	s.sendText("10")
	s.waitFor("Churn rate = 5.0%")
	s.send("C-c")
	s.waitExit()
}

// At 40×12 the form scrolls and the result still shows: a trainee fills
// in churn in the real binary and reads the answer, then resizes to 20×6
// and back without losing it.
func TestE2ECalculateSmallTerminal(t *testing.T) {
	s := startTUI(t, 40, 12, []string{"NO_COLOR=1"}, "calc", "churn")
	s.waitFor("› customers at", "to see the result")
	s.sendText("200")
	s.send("Tab")
	s.sendText("10")
	s.waitFor("Churn rate = 5.0%")
	s.run("resize-window", "-x", "20", "-y", "6")
	s.waitFor("5.0%")
	s.run("resize-window", "-x", "40", "-y", "12")
	s.waitFor("Churn rate = 5.0%", "› customers lo")
	s.send("C-c")
	s.waitExit()
}

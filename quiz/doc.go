// Package quiz turns the glossary into practice: it generates questions
// of several kinds from glossary entries, checks typed and chosen
// answers with the leniency a learner deserves, exports printable
// quizzes, and schedules reviews with spaced repetition over a local
// progress store. Like glossary it is plain Go and never imports a
// terminal library, so the TUI, the command line and tests share it.
//
// Everything random takes an injected *rand.Rand: the same glossary and
// seed always yield the same questions, which keeps tests and printed
// quizzes repeatable.
package quiz

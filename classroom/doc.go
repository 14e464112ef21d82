// Package classroom runs crm101 onboarding sessions over SSH: trainees
// join with their plain ssh client and a join code, each gets the full
// app with their own progress kept on the server, and the trainer runs
// live rounds (package round) with a leaderboard. Scores and answers go
// to a SQLite store as they happen, and Report summarises a cohort.
package classroom

// Package classroom is the room of crm101's onboarding sessions: the
// live-round conductor (rounds themselves are package round), the
// classroom database, each trainee's progress, the trainer's desk and
// the cohort Report. It is plain Go and knows nothing of SSH: the door
// trainees come in by, the SSH server, is package sshd, which uses it.
package classroom

// Package sshd is the classroom's door: the SSH server trainees join
// with their plain ssh client and a join code. It handles what belongs
// to the transport (wish, authentication, join codes, rate limits,
// session limits, the host key) and hands each session the room
// (package classroom): a trainee gets the full app with their own
// progress and a seat in live rounds, a trainer gets the console.
package sshd

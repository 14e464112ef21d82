// Package round is the live-round engine of the classroom: the questions
// everyone answers at the same time, the state machine that opens and
// closes them, scoring and the leaderboard. It is plain Go with an
// injected clock, so the whole game is tested without SSH or a terminal;
// the server drives it and the ui package draws its events.
package round

package round

// Update is what a session receives whenever the round changes: the
// shared snapshot plus that trainee's own seat. The ui package draws it.
type Update struct {
	Event Event
	Seat  Seat
	// Present lists who is in the room, for the trainer's console
	// (shared; do not modify). Trainees' updates leave it nil.
	Present []string
}

package quiz

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

// Session defaults, chosen for the ten-minutes-a-day trainee.
const (
	DefaultNewPerDay     = 10
	DefaultSessionLength = 20
	DefaultRequeueGap    = 3
)

// LearnAhead lets a session take learning cards due within this window:
// FSRS spaces first steps minutes apart, and a learner should not have to
// wait five minutes for the next session to see them.
const LearnAhead = 20 * time.Minute

// SessionOptions tune what a session asks. Zero values mean the defaults.
type SessionOptions struct {
	// Study chooses which terms come in; Scheduled by default.
	Study Study
	// NewPerDay caps never-seen terms introduced per calendar day, counting
	// those already introduced earlier today. Negative means none.
	NewPerDay int
	// Length caps the cards drawn at the start of the session; missed
	// cards coming back are extra.
	Length int
	// RequeueGap is how many other cards come between a miss and its
	// second try, so the answer is not still on screen in the learner's head.
	RequeueGap int
}

func (o SessionOptions) withDefaults() SessionOptions {
	if o.NewPerDay == 0 {
		o.NewPerDay = DefaultNewPerDay
	}
	if o.NewPerDay < 0 {
		o.NewPerDay = 0
	}
	if o.Length <= 0 {
		o.Length = DefaultSessionLength
	}
	if o.RequeueGap <= 0 {
		o.RequeueGap = DefaultRequeueGap
	}
	return o
}

// Session is one sitting of Test Yourself: due reviews first (most overdue
// first), then new terms, with missed cards coming back a few cards later.
// Every answer is saved as it is recorded, so leaving early loses nothing.
type Session struct {
	store    *Store
	now      func() time.Time
	gap      int
	queue    []string
	done     int
	nDue     int
	nNew     int
	nExtra   int // practice beyond the schedule
	study    Study
	fellBack bool // asked for Study, got Practise: nothing else to study
	planned  int
	retries  int
	followUp int
	missed   []string
	isMissed map[string]bool
	met      map[string]bool // term keys answered right at least once
}

// NewSession plans a session over terms — the whole glossary or the
// subset a category filter chose. now and rng are injected so tests and
// replays are repeatable; rng picks which new terms come in (nil keeps
// the order of terms).
func NewSession(store *Store, terms []string, opts SessionOptions, now func() time.Time, rng *rand.Rand) (*Session, error) {
	opts = opts.withDefaults()
	at := now()
	cards, err := store.Cards()
	if err != nil {
		return nil, fmt.Errorf("plan session: %w", err)
	}
	introduced, err := store.NewSince(startOfDay(at))
	if err != nil {
		return nil, fmt.Errorf("plan session: %w", err)
	}

	seen := make(map[string]fsrs.Card, len(cards))
	for _, c := range cards {
		seen[termKey(c.Term)] = c.Card
	}
	type dueCard struct {
		term string
		due  time.Time
	}
	var due []dueCard
	var unseen []string
	inList := make(map[string]bool, len(terms))
	for _, term := range terms {
		key := termKey(term)
		if inList[key] {
			continue
		}
		inList[key] = true
		card, ok := seen[key]
		switch {
		case !ok:
			unseen = append(unseen, term)
		case isDue(card, at):
			due = append(due, dueCard{term, card.Due})
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].due.Before(due[j].due) })
	if rng != nil {
		rng.Shuffle(len(unseen), func(i, j int) { unseen[i], unseen[j] = unseen[j], unseen[i] })
	}

	met, err := store.metTerms()
	if err != nil {
		return nil, fmt.Errorf("plan session: %w", err)
	}
	s := &Session{store: store, now: now, gap: opts.RequeueGap, isMissed: map[string]bool{}, met: met, study: opts.Study}
	switch opts.Study {
	case MissedStudy:
		recent, err := store.MissedSince(at.Add(-MissedWindow))
		if err != nil {
			return nil, fmt.Errorf("plan session: %w", err)
		}
		for _, term := range recent {
			if len(s.queue) < opts.Length && inList[termKey(term)] {
				s.queue = append(s.queue, term)
				s.nExtra++
			}
		}
	case Practise:
	default:
		for _, d := range due {
			if len(s.queue) == opts.Length {
				break
			}
			s.queue = append(s.queue, d.term)
			s.nDue++
		}
		allowance := max(opts.NewPerDay-introduced, 0)
		for _, term := range unseen {
			if len(s.queue) == opts.Length || s.nNew == allowance {
				break
			}
			s.queue = append(s.queue, term)
			s.nNew++
		}
	}
	if opts.Study == Practise || (len(s.queue) == 0 && len(inList) > 0) {
		// Never a dead end: with nothing scheduled (or nothing missed),
		// the learner can still practise.
		s.fellBack = opts.Study != Practise
		s.study = Practise
		if err := s.practise(cards, inList, unseen, opts.Length); err != nil {
			return nil, fmt.Errorf("plan session: %w", err)
		}
	}
	s.planned = len(s.queue)
	return s, nil
}

// practise fills the queue with extra practice: the weakest terms first,
// then the other seen terms, soonest due first (review ahead), then
// more new terms than the day's allowance.
func (s *Session) practise(cards []CardState, inList map[string]bool, unseen []string, length int) error {
	weak, err := s.store.struggling(cards)
	if err != nil {
		return err
	}
	taken := map[string]bool{}
	add := func(term string) {
		k := termKey(term)
		if len(s.queue) < length && inList[k] && !taken[k] {
			taken[k] = true
			s.queue = append(s.queue, term)
			s.nExtra++
		}
	}
	for _, w := range weak {
		add(w.Term)
	}
	ahead := slices.Clone(cards)
	sort.SliceStable(ahead, func(i, j int) bool { return ahead[i].Card.Due.Before(ahead[j].Card.Due) })
	for _, c := range ahead {
		add(c.Term)
	}
	for _, term := range unseen {
		add(term)
	}
	return nil
}

// isDue reports whether a seen card belongs in a session starting at now:
// review cards due any time today, learning cards due within LearnAhead.
func isDue(c fsrs.Card, now time.Time) bool {
	if c.State == fsrs.Review {
		return c.Due.Before(startOfDay(now).AddDate(0, 0, 1))
	}
	return !c.Due.After(now.Add(LearnAhead))
}

// startOfDay is local midnight of t's day in t's location.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Next returns the term to ask now, and false when the session is over.
// It does not advance: the same term comes back until it is recorded.
func (s *Session) Next() (string, bool) {
	if len(s.queue) == 0 {
		return "", false
	}
	return s.queue[0], true
}

// Record saves the answer to the current term, schedules it with FSRS and
// moves on. A card rated Again comes back RequeueGap cards later (or last,
// when fewer remain) so the learner meets it again before leaving.
func (s *Session) Record(term, kind string, rating Rating, elapsed time.Duration) (fsrs.Card, error) {
	current, ok := s.Next()
	if !ok {
		return fsrs.Card{}, fmt.Errorf("record %q: the session is over", term)
	}
	if termKey(term) != termKey(current) {
		return fsrs.Card{}, fmt.Errorf("record %q: the current card is %q", term, current)
	}
	card, err := s.store.Record(Review{Term: current, Kind: kind, Rating: rating, AnswerTime: elapsed, At: s.now()})
	if err != nil {
		return fsrs.Card{}, err
	}
	s.queue = s.queue[1:]
	s.done++
	if rating.Correct() {
		s.met[termKey(current)] = true
	}
	if rating == Again {
		s.retries++
		if !s.isMissed[current] {
			s.isMissed[current] = true
			s.missed = append(s.missed, current)
		}
		at := min(s.gap, len(s.queue))
		s.queue = append(s.queue[:at], append([]string{current}, s.queue[at:]...)...)
	}
	return card, nil
}

// Progress reports answers recorded so far and the total including what
// is left; a miss adds one to the total because the card comes back.
func (s *Session) Progress() (done, total int) { return s.done, s.done + len(s.queue) }

// Planned reports how many due reviews and new terms the session started with.
func (s *Session) Planned() (due, fresh int) { return s.nDue, s.nNew }

// Missed lists the terms rated Again at least once this session, in the
// order they were first missed, for the summary and a later export.
func (s *Session) Missed() []string { return append([]string(nil), s.missed...) }

// Study chooses which terms a session draws. A category filter narrows
// any of them to one category.
type Study int

// The studies, in the order the start panel cycles through them.
const (
	// Scheduled: due reviews, most overdue first, then new terms up to
	// the day's allowance; practice when neither is left.
	Scheduled Study = iota
	// Practise: the weakest terms first, then review ahead, then more
	// new terms: extra practice beyond the schedule.
	Practise
	// MissedStudy: the terms answered wrong in the last MissedWindow.
	MissedStudy
)

// MissedWindow is how far back MissedStudy looks for wrong answers.
const MissedWindow = 7 * 24 * time.Hour

var studyNames = []struct{ name, label string }{
	Scheduled:   {"scheduled", "Scheduled: due, then new"},
	Practise:    {"practise", "Practise: weakest first"},
	MissedStudy: {"missed", "Missed in the last 7 days"},
}

// Studies lists every study in menu order.
func Studies() []Study { return []Study{Scheduled, Practise, MissedStudy} }

// String is the study's name on the command line (--study).
func (s Study) String() string {
	if s >= 0 && int(s) < len(studyNames) {
		return studyNames[s].name
	}
	return fmt.Sprintf("study(%d)", int(s))
}

// Label is the study as the start panel shows it.
func (s Study) Label() string {
	if s >= 0 && int(s) < len(studyNames) {
		return studyNames[s].label
	}
	return s.String()
}

// ParseStudy reads a --study value, ignoring case; "practice" is
// accepted for "practise".
func ParseStudy(v string) (Study, error) {
	if strings.EqualFold(v, "practice") {
		return Practise, nil
	}
	var names []string
	for _, s := range Studies() {
		if strings.EqualFold(v, s.String()) {
			return s, nil
		}
		names = append(names, s.String())
	}
	return 0, fmt.Errorf("unknown study %q (want %s)", v, strings.Join(names, ", "))
}

// Study is what the session studies; Practise when it fell back to
// practice (see FellBack).
func (s *Session) Study() Study { return s.study }

// FellBack reports whether the session is extra practice because the
// study asked for had nothing left: no card due and today's new terms
// done, or nothing missed lately.
func (s *Session) FellBack() bool { return s.fellBack }

// Extra is how many of the planned terms are practice beyond the
// schedule (practice, or missed terms).
func (s *Session) Extra() int { return s.nExtra }

// Counts reports the terms the session started with, how many misses
// came back for a retry, and how many terms met for the first time as a
// flashcard came back to be asked in the mode's own kind.
func (s *Session) Counts() (planned, retries, followUps int) {
	return s.planned, s.retries, s.followUp
}

// Met reports whether term has been answered right at least once, ever:
// only then may a recall question (typed, acronym, metric) ask it.
func (s *Session) Met(term string) bool { return s.met[termKey(term)] }

// FollowUp brings term back RequeueGap cards later, to be asked in the
// mode's own kind after the learner met it as a flashcard. Call it once
// the flashcard is recorded.
func (s *Session) FollowUp(term string) {
	at := min(s.gap, len(s.queue))
	s.queue = append(s.queue[:at], append([]string{term}, s.queue[at:]...)...)
	s.followUp++
}

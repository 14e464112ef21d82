package quiz

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/crm101/crm101/glossary"
)

// moveRenamed moves the built-in cards and reviews saved under a former
// term to the entry's current term (glossary.Renames: Prevision → Sales
// Forecasting), so a renamed entry keeps the learner's history. It runs
// on every open and is a no-op once nothing is left under an old name:
// the glossary refuses a former term that is again a current one, so no
// new card can ever be saved under it. Should both names hold a card,
// the one reviewed last wins; every review moves.
func moveRenamed(ctx context.Context, db *sql.DB, renames map[string]string) error {
	olds := make([]string, 0, len(renames))
	for old, now := range renames {
		if old != termKey(now) {
			olds = append(olds, old)
		}
	}
	sort.Strings(olds) // a fixed order: the same file always migrates the same way
	pending, err := renamedPending(ctx, db, olds)
	if err != nil || len(pending) == 0 {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("move renamed terms: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	for _, old := range pending {
		if err := moveCard(ctx, tx, old, renames[old]); err != nil {
			return fmt.Errorf("move progress of %q to %q: %w", old, renames[old], err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("move renamed terms: %w", err)
	}
	return nil
}

// renamedPending lists the former terms that still have built-in cards or
// reviews, reading only, so an up-to-date file is never locked for it.
func renamedPending(ctx context.Context, db *sql.DB, olds []string) ([]string, error) {
	var pending []string
	for _, old := range olds {
		var n int
		err := db.QueryRowContext(ctx, `SELECT
			EXISTS (SELECT 1 FROM cards WHERE deck = ?1 AND term_key = ?2) +
			EXISTS (SELECT 1 FROM reviews WHERE deck = ?1 AND term_key = ?2)`,
			BuiltinDeck, old).Scan(&n)
		if err != nil {
			return nil, fmt.Errorf("look for renamed term %q: %w", old, err)
		}
		if n > 0 {
			pending = append(pending, old)
		}
	}
	return pending, nil
}

// moveCard moves one former term's card and reviews to term.
func moveCard(ctx context.Context, tx *sql.Tx, old, term string) error {
	key := termKey(term)
	// Of two cards, drop the one reviewed earlier (a card never reviewed
	// counts as earliest); then the survivor takes the new key.
	_, err := tx.ExecContext(ctx, `DELETE FROM cards WHERE deck = ?1 AND term_key = (
		SELECT CASE WHEN COALESCE(o.last_review, -1) > COALESCE(n.last_review, -1) THEN n.term_key ELSE o.term_key END
		FROM cards AS o JOIN cards AS n ON n.deck = o.deck AND n.term_key = ?3
		WHERE o.deck = ?1 AND o.term_key = ?2)`, BuiltinDeck, old, key)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE cards SET term_key = ?3, term = ?4 WHERE deck = ?1 AND term_key = ?2`,
		BuiltinDeck, old, key, term); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE reviews SET term_key = ?3, term = ?4 WHERE deck = ?1 AND term_key = ?2`,
		BuiltinDeck, old, key, term)
	return err
}

// builtinRenames is the rename map OpenStore applies.
func builtinRenames() map[string]string { return glossary.Renames() }

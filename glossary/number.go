package glossary

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Kind says what a metric input measures. It decides what a user may type
// into the field ($ only for money, % only for percentages) and how the
// value is written back into the formula.
type Kind int

// The input kinds. Counts are whole numbers of people, sessions or
// responses; Number is any non-count quantity such as purchases per year.
const (
	KindMoney Kind = iota
	KindCount
	KindPercent
	KindNumber
	KindYears
)

// String names the kind as the command line's --list shows it.
func (k Kind) String() string {
	switch k {
	case KindMoney:
		return "money"
	case KindCount:
		return "count"
	case KindPercent:
		return "percent"
	case KindNumber:
		return "number"
	case KindYears:
		return "years"
	}
	return "unknown"
}

// Unit is the short unit a form shows beside a field of this kind.
func (k Kind) Unit() string {
	switch k {
	case KindMoney:
		return "$"
	case KindPercent:
		return "%"
	case KindYears:
		return "years"
	}
	return ""
}

// Format writes v the way this kind is read: money with cents, counts
// with thousands separators, percentages and other numbers with at most
// two decimals and no trailing zeros.
func (k Kind) Format(v float64) string {
	switch k {
	case KindMoney:
		return FormatMoney(v)
	case KindCount:
		return fixed(v, 0, true)
	case KindPercent:
		return trimZeros(fixed(v, 2, true)) + "%"
	}
	return trimZeros(fixed(v, 2, true))
}

// MaxValue is the largest magnitude any input accepts. Beyond it float64
// can no longer hold whole cents, so "correct to the cent" would be a lie.
const MaxValue = 1e15

// MinMagnitude is the smallest non-zero magnitude an input accepts. It
// keeps every quotient finite: the largest input over the smallest one is
// far below the float64 limit.
const MinMagnitude = 1e-4

// errOverLimit is the message for a value beyond MaxValue, written out
// with thousands separators.
var errOverLimit = errors.New("is larger than the limit of " + fixed(MaxValue, 0, true))

// ErrNoNumber is returned by ParseNumber for an empty or blank string, so
// callers can tell "nothing typed yet" from "typed something wrong".
var ErrNoNumber = errors.New("is required")

// ParseNumber reads a number the way people type it into a form:
// "5000", "5,000", "$5,000", "5k", "2.5m", "12.5", "12.5%" and surrounding
// spaces. "$" is accepted only for KindMoney and "%" only for
// KindPercent (where "12.5" and "12.5%" both mean 12.5 percent);
// k/m/b multiply by a thousand, million, billion except for percentages.
// Commas must group thousands, so a European "12,5" is refused instead of
// silently read as 125. The result is finite, within ±MaxValue, and never
// negative zero. Error messages are predicates ("must be a number like
// …") so callers can prefix the field's name.
func ParseNumber(s string, k Kind) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrNoNumber
	}
	notNumber := errors.New("must be a number like " + examples(k))
	// One sign, before or after a "$": "-$5" and "$-5" both mean minus five.
	neg, signed := false, false
	takeSign := func() {
		if r, ok := cutSign(s); ok && !signed {
			neg, signed, s = r.neg, true, strings.TrimSpace(r.s)
		}
	}
	takeSign()
	if strings.HasPrefix(s, "$") {
		if k != KindMoney {
			return 0, errors.New("is not an amount of money; drop the $")
		}
		s = strings.TrimSpace(s[1:])
		takeSign()
	}
	exp := 0
	if n := len(s); n > 0 {
		switch s[n-1] {
		case '%':
			if k != KindPercent {
				return 0, errors.New("is not a percentage; drop the %")
			}
			s = strings.TrimSpace(s[:n-1])
		case 'k', 'K', 'm', 'M', 'b', 'B':
			if k == KindPercent {
				return 0, notNumber
			}
			exp = map[byte]int{'k': 3, 'K': 3, 'm': 6, 'M': 6, 'b': 9, 'B': 9}[s[n-1]]
			s = strings.TrimSpace(s[:n-1])
		}
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if !allDigits(frac) || (intPart == "" && frac == "") {
		return 0, notNumber
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if !allDigits(g) || g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
				return 0, errors.New("has misplaced commas; write 5,000 or 5000 (decimals take a dot)")
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !allDigits(intPart) {
		return 0, notNumber
	}
	v, err := strconv.ParseFloat(shiftPoint(intPart, frac, exp), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v > MaxValue {
		return 0, errOverLimit
	}
	if v == 0 {
		return 0, nil // never -0: it would print as "-$0.00"
	}
	if neg {
		v = -v
	}
	return v, nil
}

type signed struct {
	neg bool
	s   string
}

// cutSign removes one leading +, - or the typographic minus (−) that
// word processors produce.
func cutSign(s string) (signed, bool) {
	switch {
	case strings.HasPrefix(s, "-"):
		return signed{true, s[1:]}, true
	case strings.HasPrefix(s, "+"):
		return signed{false, s[1:]}, true
	case strings.HasPrefix(s, "−"):
		return signed{true, s[len("−"):]}, true
	}
	return signed{}, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shiftPoint multiplies intPart.frac by 10^exp by moving the decimal point
// in the text, so "1.1k" is exactly 1100 rather than 1100.0000000000002.
func shiftPoint(intPart, frac string, exp int) string {
	if exp > len(frac) {
		frac += strings.Repeat("0", exp-len(frac))
	}
	intPart, frac = intPart+frac[:exp], frac[exp:]
	if intPart == "" {
		intPart = "0"
	}
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

func examples(k Kind) string {
	switch k {
	case KindMoney:
		return "5000, 5,000, $5,000 or 5k"
	case KindPercent:
		return "60 or 62.5%"
	case KindCount:
		return "120 or 1,200"
	}
	return "4 or 2.5"
}

// FormatMoney writes dollars with thousands separators and cents:
// "$1,234.50", "-$20.00".
func FormatMoney(v float64) string {
	s := fixed(v, 2, true)
	if strings.HasPrefix(s, "-") {
		return "-$" + s[1:]
	}
	return "$" + s
}

// FormatPercent writes a percentage with one or two decimals: "5.0%",
// "12.5%", "33.33%".
func FormatPercent(v float64) string { return oneOrTwo(v) + "%" }

// FormatRatio writes a ratio against one: "3.0 : 1".
func FormatRatio(v float64) string { return fixed(v, 1, true) + " : 1" }

// FormatMonths writes a duration in months with one decimal: "8.3 months".
func FormatMonths(v float64) string { return fixed(v, 1, true) + " months" }

// FormatDays writes a duration in days with one decimal: "45.0 days".
func FormatDays(v float64) string { return fixed(v, 1, true) + " days" }

// FormatScore writes a score such as NPS: whole when it is whole, else one
// decimal ("45", "16.7").
func FormatScore(v float64) string { return trimZeros(fixed(v, 1, false)) }

func oneOrTwo(v float64) string {
	s := fixed(v, 2, true)
	if strings.HasSuffix(s, "0") {
		s = s[:len(s)-1]
	}
	return s
}

// trimZeros drops trailing fractional zeros and a bare point: "2.50" →
// "2.5", "3.00" → "3".
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// fixed writes v with exactly places decimals, rounding half away from
// zero on the value's significant decimal digits (see decimalDigits). Rounding the decimal
// text, not the binary float, is what makes 2.675 show as 2.68 and a
// quotient that is 12.345 on paper show as 12.35, as a trainee checking
// by hand expects. NaN and ±Inf, which no metric returns, write as "0".
func fixed(v float64, places int, group bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	neg := v < 0
	digits, point := decimalDigits(math.Abs(v), places)
	// Lay the digits out as integer and fraction around the point.
	var intPart, frac string
	switch {
	case point <= 0:
		intPart, frac = "0", strings.Repeat("0", -point)+digits
	case point >= len(digits):
		intPart, frac = digits+strings.Repeat("0", point-len(digits)), ""
	default:
		intPart, frac = digits[:point], digits[point:]
	}
	if len(frac) < places {
		frac += strings.Repeat("0", places-len(frac))
	}
	roundUp := len(frac) > places && frac[places] >= '5'
	kept := intPart + frac[:places]
	if roundUp {
		kept = increment(kept)
	}
	intPart, frac = kept[:len(kept)-places], kept[len(kept)-places:]
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if group {
		intPart = groupThousands(intPart)
	}
	out := intPart
	if places > 0 {
		out += "." + frac
	}
	if neg && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return out
}

// decimalDigits returns v ≥ 0 as significant digits and the position
// of the decimal point relative to their start (v = 0.digits × 10^point).
// Fifteen digits absorb the binary noise of a division; large values get
// up to seventeen, all float64 holds, so cents survive up to MaxValue;
// products far beyond it (a CLV of 1e45) show fifteen.
func decimalDigits(v float64, places int) (string, int) {
	if v == 0 {
		return "0", 1
	}
	whole := int(math.Floor(math.Log10(v))) + 1
	sig := min(17, max(15, whole+places+1))
	if whole > 16 {
		sig = 15 // beyond the input range the last digits are only noise
	}
	mant, e, _ := strings.Cut(strconv.FormatFloat(v, 'e', sig-1, 64), "e")
	exp, _ := strconv.Atoi(e)
	return strings.Replace(mant, ".", "", 1), exp + 1
}

// increment adds one to a string of decimal digits: "199" → "200",
// "99" → "100".
func increment(d string) string {
	b := []byte(d)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteByte(',')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Round rounds v to places decimals the way the formatters do (half away
// from zero on the decimal digits), so a number printed for a machine
// agrees with the text printed for a person.
func Round(v float64, places int) float64 {
	r, err := strconv.ParseFloat(fixed(v, places, false), 64)
	if err != nil {
		return 0
	}
	return r
}

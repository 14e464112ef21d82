package glossary

import (
	"math"
	"strings"
	"testing"
)

func TestParseNumberAcceptsWhatPeopleType(t *testing.T) {
	cases := []struct {
		in   string
		kind Kind
		want float64
	}{
		{"5000", KindMoney, 5000},
		{"5,000", KindMoney, 5000},
		{"$5,000", KindMoney, 5000},
		{"  $ 5,000.50 ", KindMoney, 5000.5},
		{"5k", KindMoney, 5000},
		{"5K", KindCount, 5000},
		{"1.1k", KindCount, 1100}, // exact, not 1100.0000000000002
		{"2.5m", KindMoney, 2_500_000},
		{"$1.25b", KindMoney, 1_250_000_000},
		{"12.5", KindNumber, 12.5},
		{".5", KindNumber, 0.5},
		{"5.", KindNumber, 5},
		{"12.5%", KindPercent, 12.5},
		{"12.5 %", KindPercent, 12.5},
		{"60", KindPercent, 60},
		{"-1,234.5", KindMoney, -1234.5},
		{"-$20", KindMoney, -20},
		{"$-20", KindMoney, -20},
		{"−20", KindMoney, -20}, // typographic minus
		{"+7", KindCount, 7},
		{"-0", KindMoney, 0},
		{"0007", KindCount, 7},
		{"1,000,000,000,000,000", KindMoney, MaxValue},
		{"1000000000000000.00", KindMoney, MaxValue},
		{"1,000,000", KindCount, 1e6},
	}
	for _, c := range cases {
		got, err := ParseNumber(c.in, c.kind)
		if err != nil || got != c.want {
			t.Errorf("ParseNumber(%q, %s) = %v, %v; want %v", c.in, c.kind, got, err, c.want)
		}
		if got == 0 && math.Signbit(got) {
			t.Errorf("ParseNumber(%q) returned negative zero", c.in)
		}
	}
}

func TestParseNumberRejectsWithAReason(t *testing.T) {
	cases := []struct {
		in   string
		kind Kind
		want string
	}{
		{"", KindMoney, "is required"},
		{"   ", KindCount, "is required"},
		{"abc", KindMoney, "must be a number like 5000, 5,000, $5,000 or 5k"},
		{"NaN", KindNumber, "must be a number"},
		{"Inf", KindNumber, "must be a number"},
		{"-Inf", KindNumber, "must be a number"},
		{"1e3", KindNumber, "must be a number"},
		{"0x10", KindNumber, "must be a number"},
		{"1_000", KindNumber, "must be a number"},
		{"1.2.3", KindNumber, "must be a number"},
		{".", KindNumber, "must be a number"},
		{"$", KindMoney, "must be a number"},
		{"k", KindMoney, "must be a number"},
		{"--5", KindMoney, "must be a number"},
		{"-$-5", KindMoney, "must be a number"},
		{"5kk", KindMoney, "must be a number"},
		{"5 000", KindMoney, "must be a number"},
		{"12,5", KindMoney, "misplaced commas"},
		{"5,00", KindMoney, "misplaced commas"},
		{"1,0000", KindMoney, "misplaced commas"},
		{",500", KindMoney, "misplaced commas"},
		{"5,000,", KindMoney, "misplaced commas"},
		{"$5", KindCount, "drop the $"},
		{"$5", KindPercent, "drop the $"},
		{"5%", KindMoney, "drop the %"},
		{"5%", KindCount, "drop the %"},
		{"5k%", KindPercent, "must be a number"},
		{"5k", KindPercent, "must be a number like 60 or 62.5%"},
		{"1,000,000,000,000,001", KindMoney, "larger than the limit"},
		{"1001t", KindMoney, "must be a number"},
		{"1000001b", KindMoney, "larger than the limit"},
		{strings.Repeat("9", 400), KindCount, "larger than the limit"},
	}
	for _, c := range cases {
		_, err := ParseNumber(c.in, c.kind)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseNumber(%q, %s) error = %v; want it to contain %q", c.in, c.kind, err, c.want)
		}
	}
}

func TestFormatting(t *testing.T) {
	cases := []struct{ got, want string }{
		{FormatMoney(1234.5), "$1,234.50"},
		{FormatMoney(0), "$0.00"},
		{FormatMoney(999.995), "$1,000.00"},
		{FormatMoney(2.675), "$2.68"},        // half away from zero on the decimal digits
		{FormatMoney(12.345), "$12.35"},      // 12.344999… in binary
		{FormatMoney(1000.0 / 3), "$333.33"}, // a CAC that does not divide evenly
		{FormatMoney(-20), "-$20.00"},
		{FormatMoney(-0.001), "$0.00"}, // no "-$0.00"
		{FormatMoney(1e15), "$1,000,000,000,000,000.00"},
		{FormatMoney(123456789.01), "$123,456,789.01"},
		{FormatMoney(math.NaN()), "$0.00"},
		{FormatPercent(5), "5.0%"},
		{FormatPercent(12.5), "12.5%"},
		{FormatPercent(100.0 / 3), "33.33%"},
		{FormatPercent(2.345), "2.35%"},
		{FormatPercent(0.004), "0.0%"},
		{FormatPercent(-50), "-50.0%"},
		{FormatRatio(3), "3.0 : 1"},
		{FormatRatio(2.96), "3.0 : 1"},
		{FormatRatio(0.25), "0.3 : 1"},
		{FormatMonths(500 / 60.0), "8.3 months"},
		{FormatScore(45), "45"},
		{FormatScore(100.0 / 6), "16.7"},
		{FormatScore(-100), "-100"},
		{FormatScore(-0.01), "0"},
		{KindCount.Format(1234567), "1,234,567"},
		{KindPercent.Format(62.5), "62.5%"},
		{KindPercent.Format(100), "100%"},
		{KindNumber.Format(2.5), "2.5"},
		{KindYears.Format(5), "5"},
		{KindNumber.Format(1e-300), "0"},
		{KindMoney.Format(1e45), "$1,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000.00"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

// Whatever is typed, ParseNumber must not panic and may only return a
// finite number within the limit; money it accepts must survive being
// written back out and read again (what the form shows, it can reread).
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"5000", "5,000", "$5,000", "5k", "2.5m", "12.5%", " -$1.5 ", "−3", "1,0", "NaN", "1e999", ".", "$-"} {
		f.Add(s, uint8(KindMoney))
		f.Add(s, uint8(KindPercent))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		kind := Kind(k % 5)
		v, err := ParseNumber(s, kind)
		if err != nil {
			if v != 0 {
				t.Fatalf("ParseNumber(%q) = %v with error %v", s, v, err)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxValue {
			t.Fatalf("ParseNumber(%q) = %v, out of range", s, v)
		}
		if kind == KindMoney {
			again, err := ParseNumber(FormatMoney(v), KindMoney)
			if err != nil || math.Abs(again-v) > 0.005+math.Abs(v)*1e-15 {
				t.Fatalf("FormatMoney(%v) = %q rereads as %v, %v", v, FormatMoney(v), again, err)
			}
		}
	})
}

func TestRoundAgreesWithFormatting(t *testing.T) {
	cases := []struct{ in, want float64 }{
		{2.675, 2.68}, {100.0 / 3, 33.33}, {-1.005, -1.01}, {500, 500}, {1e15 + 0.5, 1e15 + 0.5}, {math.Inf(1), 0},
	}
	for _, c := range cases {
		if got := Round(c.in, 2); got != c.want {
			t.Errorf("Round(%v, 2) = %v, want %v", c.in, got, c.want)
		}
	}
}

// Near the top of the range, cents must survive: float64 holds them,
// and fifteen significant digits alone would round them away.
func TestFormatMoneyKeepsCentsNearTheLimit(t *testing.T) {
	for _, s := range []string{"12,345,678,901,234.56", "999,999,999,999.99", "1,000,000,000,000,000.00", "0.01"} {
		v, err := ParseNumber(s, KindMoney)
		if err != nil {
			t.Fatal(err)
		}
		if got := FormatMoney(v); got != "$"+s {
			t.Errorf("FormatMoney(ParseNumber(%q)) = %q", s, got)
		}
	}
}

package termcolor

import "testing"

func TestDark(t *testing.T) {
	cases := []struct {
		env  map[string]string
		dark bool
	}{
		{map[string]string{}, true},
		{map[string]string{"CRM101_THEME": "light"}, false},
		{map[string]string{"CRM101_THEME": "DARK", "COLORFGBG": "0;15"}, true},
		{map[string]string{"COLORFGBG": "0;15"}, false},
		{map[string]string{"COLORFGBG": "15;0"}, true},
		{map[string]string{"COLORFGBG": "0;default;7"}, false},
		{map[string]string{"COLORFGBG": "garbage"}, true},
	}
	for _, c := range cases {
		if got := Dark(func(k string) string { return c.env[k] }); got != c.dark {
			t.Errorf("env %v: Dark = %v, want %v", c.env, got, c.dark)
		}
	}
}

package irqlsum

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

func TestParseContract(t *testing.T) {
	tests := []struct {
		args    string
		want    string // the contract's String()
		problem string // a substring of the one problem expected, "" for none
	}{
		{"max=DISPATCH_LEVEL", "max=DISPATCH_LEVEL", ""},
		{"min=DISPATCH_LEVEL max=HIGH_LEVEL", "max=HIGH_LEVEL min=DISPATCH_LEVEL", ""},
		{"raises=DISPATCH_LEVEL saves=old", "raises=DISPATCH_LEVEL saves=old", ""},
		{"restores=c same", "", "same and restores contradict"},
		{"same", "same", ""},
		{"max=DISPATCH", "", `"DISPATCH" is not an IRQL`},
		{"maximum=PASSIVE_LEVEL", "", `unknown key "maximum"`},
		{"max", "", "max needs a value"},
		{"same=yes", "", "same takes no value"},
		{"max=APC_LEVEL max=PASSIVE_LEVEL", "", "max given twice"},
		{"min=DISPATCH_LEVEL max=PASSIVE_LEVEL", "", "no IRQL satisfies both"},
		{"raises=APC_LEVEL max=DISPATCH_LEVEL", "", "a raise cannot lower"},
		{"raises=DISPATCH_LEVEL same", "", "raises and same contradict"},
	}
	for _, tt := range tests {
		c, problems := ParseContract(tt.args)
		if tt.problem == "" {
			if len(problems) != 0 {
				t.Errorf("ParseContract(%q): problems %q, want none", tt.args, problems)
			}
			if got := c.String(); got != tt.want {
				t.Errorf("ParseContract(%q) = %q, want %q", tt.args, got, tt.want)
			}
			continue
		}
		if len(problems) != 1 || !strings.Contains(problems[0], tt.problem) {
			t.Errorf("ParseContract(%q): problems %q, want one containing %q", tt.args, problems, tt.problem)
		}
	}
}

func TestEntryBounds(t *testing.T) {
	c, _ := ParseContract("raises=DISPATCH_LEVEL")
	if c.EntryMax() != rules.DispatchLevel || c.EntryMin() != rules.PassiveLevel {
		t.Errorf("raises=DISPATCH_LEVEL: entry %d..%d, want PASSIVE..DISPATCH", c.EntryMin(), c.EntryMax())
	}
	c, _ = ParseContract("saves=p")
	if c.EntryMax() != rules.HighLevel {
		t.Errorf("saves=p: entry max %d, want HIGH_LEVEL", c.EntryMax())
	}
}

func TestFactString(t *testing.T) {
	f := &Fact{Summary{
		Max:   &Req{Level: rules.ApcLevel, What: "NdisMSleep"},
		Exit:  Exit{Kind: ExitLevel, Level: rules.DispatchLevel},
		Locks: []LockOp{{Op: "acquire", Path: "$0.lock"}},
		Takes: []string{"$0.lock"},
	}}
	want := "irql{max=APC_LEVEL(NdisMSleep) exit=DISPATCH_LEVEL acquire($0.lock) takes($0.lock)}"
	if got := f.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if (&Summary{Exit: Exit{Kind: ExitSame}}).Trivial() != true {
		t.Error("a summary with nothing in it is not trivial")
	}
}

// TestLevelBounds: contract levels come from the one table, rules.Levels,
// where DIRQL is the device range: max=DIRQL admits its top, min=DIRQL
// needs its bottom, raises=DIRQL names no one level.
func TestLevelBounds(t *testing.T) {
	for _, name := range []string{"PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL", "HIGH_LEVEL"} {
		lo, hi, ok := LevelBounds(name)
		if !ok || lo != hi || rules.LevelName(lo) != name {
			t.Errorf("%s: bounds %d..%d, %v; name %q", name, lo, hi, ok, rules.LevelName(lo))
		}
	}
	if _, _, ok := LevelBounds("DISPATCH"); ok {
		t.Error("DISPATCH is not a wdm.h level name")
	}
	dirql, _ := rules.LookupLevel("DIRQL")
	c, problems := ParseContract("min=DIRQL max=DIRQL")
	if len(problems) != 0 || c.Min != dirql.Value || c.Max != dirql.Top {
		t.Errorf("min=DIRQL max=DIRQL: %+v, problems %q; want min %d, max %d", c, problems, dirql.Value, dirql.Top)
	}
	if _, problems := ParseContract("raises=DIRQL"); len(problems) != 1 || !strings.Contains(problems[0], "range") {
		t.Errorf("raises=DIRQL: problems %q, want one saying DIRQL is a range", problems)
	}
}

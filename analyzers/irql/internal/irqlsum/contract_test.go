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
		{"max=5", "max=IRQL(5)", ""},
		{"max=DIRQL", "max=IRQL(12)", ""},
		{"min=DIRQL", "min=IRQL(3)", ""},
		{"max=16", "", `"16" is not an IRQL`},
		{"max=-1", "", `"-1" is not an IRQL`},
		{"max=02", "", `"02" is not an IRQL`},
		{"level=DISPATCH_LEVEL", "level=DISPATCH_LEVEL", ""},
		{"level=DIRQL", "level=IRQL(3)..IRQL(12)", ""},
		{"level=DISPATCH_LEVEL max=HIGH_LEVEL", "", "max and level given together"},
		{"max=HIGH_LEVEL level=DISPATCH_LEVEL", "", "level and max or min given together"},
		{"always_max=DISPATCH_LEVEL", "always_max=DISPATCH_LEVEL", ""},
		{"max=APC_LEVEL always_max=DISPATCH_LEVEL always_min=PASSIVE_LEVEL", "max=APC_LEVEL always_max=DISPATCH_LEVEL always_min=PASSIVE_LEVEL", ""},
		{"always_max=BOGUS", "", `"BOGUS" is not an IRQL`},
		{"always_min=DISPATCH_LEVEL always_max=APC_LEVEL", "", "no IRQL satisfies both"},
		{"max=DISPATCH_LEVEL always_max=APC_LEVEL", "", "above always_max"},
		{"raises=DISPATCH_LEVEL always_max=APC_LEVEL", "", "return above it"},
		{"min=PASSIVE_LEVEL always_min=APC_LEVEL", "", "below always_min"},
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
	c, _ = ParseContract("always_max=APC_LEVEL always_min=APC_LEVEL")
	if c.EntryMax() != rules.ApcLevel || c.EntryMin() != rules.ApcLevel || !c.BoundsMax() || !c.BoundsMin() {
		t.Errorf("always_max=always_min=APC_LEVEL: entry %d..%d, want APC..APC", c.EntryMin(), c.EntryMax())
	}
	c, _ = ParseContract("level=APC_LEVEL")
	if c.EntryMax() != rules.ApcLevel || c.EntryMin() != rules.ApcLevel {
		t.Errorf("level=APC_LEVEL: entry %d..%d, want APC..APC", c.EntryMin(), c.EntryMax())
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

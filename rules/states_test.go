package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// This file checks the catalogue's state machines (overlay.json's states
// section): every reason quotes its page word for word, and Load rejects
// each kind of bad entry.

// stateReasons returns every "page: sentence" reason of the state machines.
func stateReasons(c *rules.Catalogue) []string {
	var out []string
	for _, m := range c.States {
		for _, s := range m.States {
			for _, e := range s.EnteredBy {
				out = append(out, e.Reason)
			}
			for _, d := range append(append([]rules.StateDDI(nil), s.Forbidden...), s.Allowed...) {
				out = append(out, d.Reason)
			}
		}
	}
	return out
}

// TestStatesQuotePages checks that each reason's sentence is in its page,
// a conceptual page of ../shared/ndis6 or a reference page of
// ../shared/ddi/ndis, once links, emphasis, HTML tags, escapes and line
// breaks are taken out.
func TestStatesQuotePages(t *testing.T) {
	ddi := refDir(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	reasons := stateReasons(c)
	if len(reasons) == 0 {
		t.Fatal("the catalogue has no state machine")
	}
	for _, r := range reasons {
		page, sentence, _ := strings.Cut(r, ": ")
		text := ""
		for _, f := range []string{filepath.Join(ddi, "..", "ndis6", page+".md"), filepath.Join(ddi, "ndis", page+".md")} {
			if data, err := os.ReadFile(f); err == nil {
				text = plainText(string(data))
				break
			}
		}
		if text == "" {
			t.Errorf("%q: no page %s in ndis6 or ddi/ndis", r, page)
			continue
		}
		if !strings.Contains(text, plainText(sentence)) {
			t.Errorf("%q: the sentence is not in %s", r, page)
		}
	}
}

var (
	mdLink   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	htmlTag  = regexp.MustCompile(`<[^>]+>`)
	spaceRun = regexp.MustCompile(`\s+`)
)

// plainText is a page's text as a reader sees it: link texts without their
// targets, no HTML tags, emphasis marks or backslash escapes, one space
// between words.
func plainText(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = htmlTag.ReplaceAllString(s, "")
	s = strings.NewReplacer("**", "", "*", "", `\`, "").Replace(s)
	return strings.TrimSpace(spaceRun.ReplaceAllString(s, " "))
}

// TestPlainTextFindsOnlyWhatIsWritten shows the comparison is not vacuous: a
// sentence with a word changed is not found.
func TestPlainTextFindsOnlyWhatIsWritten(t *testing.T) {
	page := "In the *Paused* state, the [adapter](/x/y) does not\n    <i>indicate</i> NET\\_BUFFER\\_LIST data."
	text := plainText(page)
	if !strings.Contains(text, plainText("In the Paused state, the adapter does not indicate NET_BUFFER_LIST data.")) {
		t.Errorf("the sentence is not found in %q", text)
	}
	if strings.Contains(text, plainText("In the Paused state, the adapter does indicate NET_BUFFER_LIST data.")) {
		t.Errorf("a changed sentence is found in %q", text)
	}
}

// TestStatesCover checks the catalogue has what the pause-state checks
// need: a state entered by a role and one entered by a DDI, each with a
// forbidden DDI, and no role of the wrong kind of driver.
func TestStatesCover(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	byRole, byDDI := false, false
	for _, m := range c.States {
		for _, s := range m.States {
			for _, e := range s.EnteredBy {
				if len(s.Forbidden) == 0 {
					continue
				}
				byRole = byRole || e.Event == rules.EventRole
				byDDI = byDDI || e.Event == rules.EventDDI
				if got := c.StatesEnteredBy(e.By); len(got) == 0 {
					t.Errorf("StatesEnteredBy(%s) is empty", e.By)
				}
			}
		}
	}
	if !byRole || !byDDI {
		t.Errorf("a state with forbidden DDIs entered by a role: %v, by a DDI: %v", byRole, byDDI)
	}
}

// TestStatesValidation edits the embedded catalogue's state machines and
// checks that Load rejects each kind of bad entry.
func TestStatesValidation(t *testing.T) {
	first := func(c *rules.Catalogue, forbidden bool) (*rules.StateMachine, *rules.State) {
		for i := range c.States {
			m := &c.States[i]
			for j := range m.States {
				s := &m.States[j]
				if !forbidden || len(s.Forbidden) > 0 {
					return m, s
				}
			}
		}
		t.Fatal("no state machine with a forbidden DDI")
		return nil, nil
	}
	otherDriverRole := func(c *rules.Catalogue, m *rules.StateMachine) string {
		for _, r := range c.Roles {
			if r.Driver != m.Driver && r.Driver != rules.DriverAny {
				return r.Name
			}
		}
		t.Fatal("no role of another kind of driver")
		return ""
	}
	cases := []struct {
		name string
		edit func(c *rules.Catalogue)
		want string
	}{
		{"unknown forbidden DDI", func(c *rules.Catalogue) { _, s := first(c, true); s.Forbidden[0].DDI = "NdisNoSuchThing" }, "no such DDI"},
		{"unknown event", func(c *rules.Catalogue) { _, s := first(c, false); s.EnteredBy[0].By = "NO_SUCH_ROLE" }, "no such role or DDI"},
		{"role of another driver", func(c *rules.Catalogue) {
			m, s := first(c, false)
			s.EnteredBy[0].By, s.EnteredBy[0].Event = otherDriverRole(c, m), rules.EventRole
		}, "driver"},
		{"event not derived", func(c *rules.Catalogue) {
			_, s := first(c, false)
			if s.EnteredBy[0].Event == rules.EventRole {
				s.EnteredBy[0].Event = rules.EventDDI
			} else {
				s.EnteredBy[0].Event = rules.EventRole
			}
		}, "event"},
		{"forbidden and allowed", func(c *rules.Catalogue) {
			_, s := first(c, true)
			s.Allowed = append(s.Allowed, rules.StateDDI{DDI: s.Forbidden[0].DDI, Reason: s.Forbidden[0].Reason})
		}, "also in forbidden"},
		{"reason without page", func(c *rules.Catalogue) { _, s := first(c, true); s.Forbidden[0].Reason = "no page here" }, "reason"},
		{"onlyFrom of the wrong type", func(c *rules.Catalogue) {
			_, s := first(c, true)
			s.Forbidden[0].OnlyFrom = []string{"NdisAllocateNetBufferListPool"}
		}, "onlyFrom"},
		{"empty state", func(c *rules.Catalogue) { _, s := first(c, true); s.Forbidden, s.Allowed = nil, nil }, "says nothing"},
		{"duplicate object", func(c *rules.Catalogue) { c.States = append(c.States, c.States[0]) }, "duplicate"},
	}
	for _, tc := range cases {
		_, err := rules.EditDefault(tc.edit)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one that mentions %q", tc.name, err, tc.want)
		}
	}
}

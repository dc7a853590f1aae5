package rules_test

import (
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// This file checks the catalogue's state machines (overlay.json's states
// section): every reason quotes its page word for word, every event and DDI
// is catalogued, every value condition names fields and a constant the model
// has, and Load rejects each kind of bad entry.

// stateReasons returns every "page: sentence" reason of the state machines.
func stateReasons(c *rules.Catalogue) []string {
	var out []string
	for _, m := range c.States {
		for _, s := range m.States {
			out = append(out, s.Reason)
			for _, d := range append(append([]rules.StateDDI(nil), s.Forbidden...), s.Allowed...) {
				out = append(out, d.Reason)
			}
		}
		for _, t := range m.Transitions {
			out = append(out, t.Reason)
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

// TestStatesCover checks the catalogue has what the checkers need: a machine
// for each kind of NDIS 6 driver, whose every role and DDI is catalogued; a
// state with forbidden DDIs entered by a role and one entered by a DDI, with
// no condition; and a transition on an argument's value.
func TestStatesCover(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	drivers := map[rules.DriverKind]bool{}
	byRole, byDDI, byValue := false, false, false
	for _, m := range c.States {
		drivers[m.Driver] = true
		for _, tr := range m.Transitions {
			if c.Role(tr.By) == nil && c.DDI(tr.By) == nil {
				t.Errorf("%s: transition by %s, which is no catalogued role or DDI", m.Object, tr.By)
			}
			byValue = byValue || tr.Value != nil
			s := m.State(tr.To)
			if s == nil || len(s.Forbidden) == 0 || tr.Cond != nil || tr.Value != nil {
				continue
			}
			byRole = byRole || tr.Event == rules.EventRole
			byDDI = byDDI || tr.Event == rules.EventDDI
			if got := c.StatesEnteredBy(tr.By); len(got) == 0 {
				t.Errorf("StatesEnteredBy(%s) is empty", tr.By)
			}
		}
		for _, s := range m.States {
			for _, d := range append(append([]rules.StateDDI(nil), s.Forbidden...), s.Allowed...) {
				if c.DDI(d.DDI) == nil {
					t.Errorf("%s %s: %s is no catalogued DDI", m.Object, s.Name, d.DDI)
				}
			}
		}
	}
	for _, k := range []rules.DriverKind{rules.DriverMiniport, rules.DriverFilter, rules.DriverProtocol} {
		if !drivers[k] {
			t.Errorf("no state machine of a %s driver's object", k)
		}
	}
	if !byRole || !byDDI || !byValue {
		t.Errorf("a state with forbidden DDIs entered by a role: %v, by a DDI: %v; a transition on a value: %v", byRole, byDDI, byValue)
	}
}

// TestStatesValuesInModel checks every value condition against the Go
// model: the parameter's structure (its Go type, in package ndis) has the
// fields of the path, and package ndis declares the constant, of the last
// field's type.
func TestStatesValuesInModel(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	nd := loadModel(t).pkgs["ndis"]
	n := 0
	for _, m := range c.States {
		for _, tr := range m.Transitions {
			if tr.Value == nil {
				continue
			}
			n++
			if err := valueInModel(c, nd, tr.By, tr.Value); err != "" {
				t.Errorf("%s, transition %s by %s: %s", m.Object, tr.From, tr.By, err)
			}
		}
	}
	if n == 0 {
		t.Fatal("no transition has a value condition")
	}
	// The check can fail: a field or a constant the model lacks.
	for _, bad := range []rules.ValueCond{
		{Param: "NetPnPEventNotification", Field: "NetPnPEvent.NoSuchField", Equals: "NetEventPause"},
		{Param: "NetPnPEventNotification", Field: "NetPnPEvent.NetEvent", Equals: "NetEventNoSuchEvent"},
		{Param: "NetPnPEventNotification", Field: "NetPnPEvent.NetEvent", Equals: "StatusSuccess"},
	} {
		if valueInModel(c, nd, "PROTOCOL_NET_PNP_EVENT", &bad) == "" {
			t.Errorf("%+v: accepted", bad)
		}
	}
}

// valueInModel returns what is wrong with the value condition v of the
// event by in package nd, "" when nothing is.
func valueInModel(c *rules.Catalogue, nd *types.Package, by string, v *rules.ValueCond) string {
	var params []rules.Param
	if r := c.Role(by); r != nil {
		params = r.Params
	} else if d := c.DDI(by); d != nil {
		params = d.Params
	}
	goType := ""
	for _, p := range params {
		if p.Name == v.Param {
			goType = p.GoType
		}
	}
	name, ok := strings.CutPrefix(goType, "*ndis.")
	if !ok {
		return "parameter " + v.Param + " is no pointer to a structure of package ndis (" + goType + ")"
	}
	obj, _ := nd.Scope().Lookup(name).(*types.TypeName)
	if obj == nil {
		return "package ndis has no type " + name
	}
	var typ types.Type = obj.Type()
	for _, f := range v.Fields() {
		st, ok := typ.Underlying().(*types.Struct)
		if !ok {
			return "the path " + v.Field + " goes through a non-structure"
		}
		var next types.Type
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == f {
				next = st.Field(i).Type()
			}
		}
		if next == nil {
			return name + " has no field path " + v.Field
		}
		typ = next
	}
	k, _ := nd.Scope().Lookup(v.Equals).(*types.Const)
	if k == nil {
		return "package ndis has no constant " + v.Equals
	}
	if !types.Identical(k.Type(), typ) {
		return v.Equals + " is a " + k.Type().String() + ", the field a " + typ.String()
	}
	return ""
}

// TestStatesValidation edits the embedded catalogue's state machines and
// checks that Load rejects each kind of bad entry.
func TestStatesValidation(t *testing.T) {
	forbidding := func(c *rules.Catalogue) *rules.State {
		for i := range c.States {
			for j := range c.States[i].States {
				if s := &c.States[i].States[j]; len(s.Forbidden) > 0 {
					return s
				}
			}
		}
		t.Fatal("no state with a forbidden DDI")
		return nil
	}
	// tr returns the first transition of the first machine with the given
	// properties.
	tr := func(c *rules.Catalogue, keep func(*rules.Transition) bool) (*rules.StateMachine, *rules.Transition) {
		for i := range c.States {
			for j := range c.States[i].Transitions {
				if x := &c.States[i].Transitions[j]; keep(x) {
					return &c.States[i], x
				}
			}
		}
		t.Fatal("no such transition")
		return nil, nil
	}
	any := func(*rules.Transition) bool { return true }
	valued := func(x *rules.Transition) bool { return x.Value != nil }
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
		{"unknown forbidden DDI", func(c *rules.Catalogue) { forbidding(c).Forbidden[0].DDI = "NdisNoSuchThing" }, "no such DDI"},
		{"unknown event", func(c *rules.Catalogue) { _, x := tr(c, any); x.By = "NO_SUCH_ROLE" }, "no such role or DDI"},
		{"role of another driver", func(c *rules.Catalogue) {
			m, x := tr(c, func(x *rules.Transition) bool { return x.Event == rules.EventRole })
			x.By = otherDriverRole(c, m)
		}, "driver"},
		{"event not derived", func(c *rules.Catalogue) {
			_, x := tr(c, func(x *rules.Transition) bool { return x.Event == rules.EventRole })
			x.Event = rules.EventDDI
		}, "event"},
		{"cond not derived", func(c *rules.Catalogue) {
			_, x := tr(c, func(x *rules.Transition) bool { return x.Cond != nil })
			x.Cond = nil
		}, "cond"},
		{"opaque when", func(c *rules.Catalogue) { _, x := tr(c, any); x.When = "the moon is full" }, "when"},
		{"unknown from", func(c *rules.Catalogue) { _, x := tr(c, any); x.From += "|Sleeping" }, "from"},
		{"unknown to", func(c *rules.Catalogue) { _, x := tr(c, any); x.To = "Sleeping" }, "to"},
		{"ambiguous", func(c *rules.Catalogue) {
			m, x := tr(c, any)
			m.Transitions = append(m.Transitions, *x)
		}, "same event"},
		{"state no transition enters", func(c *rules.Catalogue) {
			m, _ := tr(c, any)
			m.States = append(m.States, rules.State{Name: "Sleeping", Reason: m.States[0].Reason})
		}, "no transition enters"},
		{"unknown initial", func(c *rules.Catalogue) { m, _ := tr(c, any); m.Initial = "Sleeping" }, "initial"},
		{"value on no parameter", func(c *rules.Catalogue) { _, x := tr(c, valued); x.Value.Param = "NoSuchParam" }, "not a parameter"},
		{"value on a handle", func(c *rules.Catalogue) {
			_, x := tr(c, valued)
			for _, r := range c.Roles {
				if r.Name == x.By {
					x.Value.Param = r.Params[0].Name
				}
			}
		}, "pointer"},
		{"value path", func(c *rules.Catalogue) { _, x := tr(c, valued); x.Value.Field = "NetPnPEvent..NetEvent" }, "field"},
		{"value constant", func(c *rules.Catalogue) { _, x := tr(c, valued); x.Value.Equals = "8" }, "equals"},
		{"forbidden and allowed", func(c *rules.Catalogue) {
			s := forbidding(c)
			s.Allowed = append(s.Allowed, rules.StateDDI{DDI: s.Forbidden[0].DDI, Reason: s.Forbidden[0].Reason})
		}, "also in forbidden"},
		{"reason without page", func(c *rules.Catalogue) { forbidding(c).Forbidden[0].Reason = "no page here" }, "reason"},
		{"state without reason", func(c *rules.Catalogue) { forbidding(c).Reason = "" }, "reason"},
		{"transition without reason", func(c *rules.Catalogue) { _, x := tr(c, any); x.Reason = "no page here" }, "reason"},
		{"onlyFrom of the wrong type", func(c *rules.Catalogue) {
			forbidding(c).Forbidden[0].OnlyFrom = []string{"NdisAllocateNetBufferListPool"}
		}, "onlyFrom"},
		{"duplicate object", func(c *rules.Catalogue) { c.States = append(c.States, c.States[0]) }, "duplicate"},
	}
	for _, tc := range cases {
		_, err := rules.EditDefault(tc.edit)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one that mentions %q", tc.name, err, tc.want)
		}
	}
}

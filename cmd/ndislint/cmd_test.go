package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestHelpListsPassesAndRules: 'ndislint help' names every pass and every
// registered rule, with its title, and the -vet flag.
func TestHelpListsPassesAndRules(t *testing.T) {
	r := ndislint(t, ".", "help")
	if r.code != 0 {
		t.Fatalf("want exit status 0, got:\n%s", r)
	}
	for _, a := range passes() {
		if !strings.Contains(r.stdout, "  "+a.Name+" ") {
			t.Errorf("help does not list pass %s", a.Name)
		}
	}
	for _, rule := range rules.AllRules() {
		if !strings.Contains(r.stdout, rule.ID+" ") || !strings.Contains(r.stdout, rule.Title) {
			t.Errorf("help does not list rule %s with its title %q", rule.ID, rule.Title)
		}
	}
	if !strings.Contains(r.stdout, "-vet") {
		t.Errorf("help does not mention -vet:\n%s", r.stdout)
	}
}

// TestHelpRule: 'ndislint help RULE' prints the rule's explanation, for a
// rule of the directives pass and for the seed's rule.
func TestHelpRule(t *testing.T) {
	for _, id := range []string{"directive-malformed", "vc-delete-cm-vc"} {
		rule := rules.LookupRule(id)
		if rule == nil {
			t.Errorf("rule %s is not registered", id)
			continue
		}
		r := ndislint(t, ".", "help", id)
		if r.code != 0 || r.stdout != rule.Explain() {
			t.Errorf("help %s: want exit 0 and the rule's Explain(), got:\n%s", id, r)
		}
		for _, part := range []string{id, rule.Title, "Wrong:", "Right:"} {
			if !strings.Contains(r.stdout, part) {
				t.Errorf("help %s does not show %q", id, part)
			}
		}
	}
}

// TestHelpPass: 'ndislint help PASS' prints the pass's doc, title first,
// as multichecker did.
func TestHelpPass(t *testing.T) {
	for _, a := range passes() {
		r := ndislint(t, ".", "help", a.Name)
		if r.code != 0 || !strings.HasPrefix(r.stdout, a.Name+": "+title(a.Doc)) {
			t.Errorf("help %s: want exit 0 and the pass's title first, got:\n%s", a.Name, r)
		}
	}
}

// TestHelpUnknown: an unknown name is a clear error and exit status 1; a
// vet analyzer is explained, and known with -vet.
func TestHelpUnknown(t *testing.T) {
	r := ndislint(t, ".", "help", "vc-no-such-rule")
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, `no pass or rule named "vc-no-such-rule"`) {
		t.Errorf("want exit 1 and an error naming the rule, got:\n%s", r)
	}
	r = ndislint(t, ".", "help", "printf")
	if r.code != 1 || !strings.Contains(r.stderr, "-vet help printf") {
		t.Errorf("help printf without -vet: want exit 1 and a hint at -vet, got:\n%s", r)
	}
	r = ndislint(t, ".", "-vet", "help", "printf")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "printf: ") {
		t.Errorf("-vet help printf: want the printf pass's help, got:\n%s", r)
	}
}

// TestBadFlag: an unknown flag or a bad value is a clear error, exit 1.
func TestBadFlag(t *testing.T) {
	for _, args := range [][]string{{"-nosuchflag", "./..."}, {"-c=many", "./..."}, {"-vet=maybe", "./..."}} {
		r := ndislint(t, ".", args...)
		if r.code != 1 || !strings.Contains(r.stderr, strings.TrimPrefix(strings.SplitN(args[0], "=", 2)[0], "-")) {
			t.Errorf("ndislint %s: want exit 1 and the flag named, got:\n%s", strings.Join(args, " "), r)
		}
	}
}

// TestFlagsQuery: go vet learns a tool's flags from -flags; -vet must be
// among them so that go vet accepts and passes it.
func TestFlagsQuery(t *testing.T) {
	r := ndislint(t, ".", "-flags")
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal([]byte(r.stdout), &flags); err != nil || r.code != 0 {
		t.Fatalf("-flags: want JSON, exit 0; got %v:\n%s", err, r)
	}
	for _, f := range flags {
		if f.Name == "vet" && f.Bool {
			return
		}
	}
	t.Errorf("-flags does not list the boolean flag vet:\n%s", r.stdout)
}

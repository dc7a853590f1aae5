// Package checks selects which of ndislint's rules report, in staticcheck's
// -checks syntax, for every driver: the ndislint command (standalone and
// under go vet), the golangci-lint plugin and gopls.
//
// A selection is a comma-separated list of terms read left to right; a later
// term overrides an earlier one for the rules it matches:
//
//	all                   every rule (the default)
//	vc-use-after-close    one rule, by its ID
//	vc-*                  every rule whose ID starts with "vc-" (a trailing * only)
//	-role-undeclared      a term with "-" turns the rules it matches off
//
// A list whose first term turns rules off starts from "all"
// (`-checks=-role-undeclared` is every rule but one); one whose first term
// turns rules on starts from none (`-checks=vc-*` is the VC rules alone).
// A term that matches no rule is an error, with the nearest rule ID when
// one is close.
//
// The selection is process-wide (every pass's reporter consults it) because
// go/analysis drivers have no per-run configuration an analyzer can read;
// a driver sets it once, before the passes run.
package checks

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/ndislint/ndislint/analyzers/internal/spell"
	"github.com/ndislint/ndislint/rules"
)

// IgnoredMarker starts the message of the related position a pass attaches
// to a finding that an //ndislint:ignore suppressed, when ShowIgnored is
// on: "suppressed by //ndislint:ignore: REASON", at the directive. Drivers
// that know suppressions (SARIF's suppressions) read the reason from it.
const IgnoredMarker = "suppressed by //ndislint:ignore: "

// Selection is a parsed -checks value: the set of enabled rule IDs.
type Selection struct {
	spec    string
	enabled map[string]bool
}

// Parse reads a -checks value. The empty string means "all".
func Parse(spec string) (*Selection, error) {
	s := &Selection{spec: spec, enabled: map[string]bool{}}
	ids := staticIDs()
	terms := splitTerms(spec)
	all := len(terms) == 0 || strings.HasPrefix(terms[0], "-")
	for _, id := range ids {
		s.enabled[id] = all
	}
	for _, t := range terms {
		on := !strings.HasPrefix(t, "-")
		pattern := strings.TrimPrefix(t, "-")
		matched := match(pattern, ids)
		if len(matched) == 0 {
			return nil, unknownTerm(pattern, ids)
		}
		for _, id := range matched {
			s.enabled[id] = on
		}
	}
	return s, nil
}

// Enabled reports whether rule id reports under s.
func (s *Selection) Enabled(id string) bool {
	if s == nil {
		return true
	}
	on, known := s.enabled[id]
	return on || !known // a rule the selection cannot know of (none today) is not silenced
}

// String returns the value s was parsed from.
func (s *Selection) String() string {
	if s == nil {
		return "all"
	}
	return s.spec
}

// Disabled returns the IDs of the rules s turns off, sorted.
func (s *Selection) Disabled() []string {
	var out []string
	if s == nil {
		return out
	}
	for id, on := range s.enabled {
		if !on {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// splitTerms splits spec at commas, dropping blanks.
func splitTerms(spec string) []string {
	var out []string
	for _, t := range strings.Split(spec, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// match returns the IDs pattern matches: "all", an ID, or a prefix ending
// in "*".
func match(pattern string, ids []string) []string {
	if pattern == "all" || pattern == "*" {
		return ids
	}
	var out []string
	prefix, glob := strings.CutSuffix(pattern, "*")
	for _, id := range ids {
		if (glob && strings.HasPrefix(id, prefix)) || (!glob && id == pattern) {
			out = append(out, id)
		}
	}
	return out
}

// unknownTerm explains a term that matches no rule.
func unknownTerm(pattern string, ids []string) error {
	if near := spell.Nearest(pattern, ids); near != "" {
		return fmt.Errorf("-checks: no rule matches %q (did you mean %s?)", pattern, near)
	}
	return fmt.Errorf("-checks: no rule matches %q ('ndislint help' lists the rules)", pattern)
}

// staticIDs returns the IDs of the rules the passes report (the verifier's
// run-time rules are not selected here).
func staticIDs() []string {
	var ids []string
	for _, r := range rules.AllRules() {
		if r.Pass != rules.PassVerifier {
			ids = append(ids, r.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

var (
	mu          sync.RWMutex
	current     *Selection
	showIgnored bool
)

// Set makes spec the process-wide selection. On error the selection is
// unchanged.
func Set(spec string) error {
	s, err := Parse(spec)
	if err != nil {
		return err
	}
	mu.Lock()
	current = s
	mu.Unlock()
	return nil
}

// Current returns the process-wide selection (nil: every rule).
func Current() *Selection {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// Enabled reports whether rule id reports under the process-wide selection.
func Enabled(id string) bool { return Current().Enabled(id) }

// SetShowIgnored turns on or off the reporting of suppressed findings (each
// with a related position whose message starts with IgnoredMarker).
func SetShowIgnored(on bool) {
	mu.Lock()
	showIgnored = on
	mu.Unlock()
}

// ShowIgnored reports whether suppressed findings are reported.
func ShowIgnored() bool {
	mu.RLock()
	defer mu.RUnlock()
	return showIgnored
}

// RegisterFlags adds -checks and -show-ignored to fs; parsing them sets the
// process-wide selection.
func RegisterFlags(fs *flag.FlagSet) {
	fs.Func("checks", "rules to run, staticcheck's syntax: 'all,-role-undeclared', 'vc-*' (default all)", Set)
	fs.BoolFunc("show-ignored", "also report findings an //ndislint:ignore suppressed, marked as such", func(v string) error {
		on, err := parseBool(v)
		SetShowIgnored(on)
		return err
	})
}

// parseBool reads a boolean flag value as package flag does.
func parseBool(v string) (bool, error) {
	switch v {
	case "", "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, fmt.Errorf("invalid boolean %q", v)
}

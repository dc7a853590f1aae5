package rules_test

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestTimeBoundsOfTheTimedRules: the rules the simulated NDIS arms a
// watchdog for find their bound in the embedded catalogue, and the bounds
// are the rule-set page's.
func TestTimeBoundsOfTheTimedRules(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		rules.RuleOidTimeout:         12,
		rules.RuleSendTimeout:        30,
		rules.RuleSendHang:           22,
		rules.RuleFilterPauseTimeout: 10,
	}
	for id, s := range want {
		b := c.TimeBoundOf(id)
		if b == nil {
			t.Errorf("%s: no time bound", id)
			continue
		}
		if b.Seconds != s {
			t.Errorf("%s: %d s (%s), want %d s", id, b.Seconds, b.SDV, s)
		}
	}
	if c.TimeBoundOf(rules.RuleCompletedTwice) != nil {
		t.Error("completed-twice has a time bound")
	}
}

// TestTimeBoundValidation: the loader rejects a bound its quote does not
// state, a duplicate and a non-positive one.
func TestTimeBoundValidation(t *testing.T) {
	cases := []struct {
		name string
		edit func(c *rules.Catalogue)
		want string
	}{
		{"quote disagrees", func(c *rules.Catalogue) { c.TimeBounds[0].Seconds++ }, "does not state"},
		{"duplicate", func(c *rules.Catalogue) { c.TimeBounds = append(c.TimeBounds, c.TimeBounds[0]) }, "duplicate"},
		{"zero", func(c *rules.Catalogue) { c.TimeBounds[0].Seconds = 0 }, "not a bound"},
		{"no page", func(c *rules.Catalogue) { c.TimeBounds[0].Page = "" }, "page"},
	}
	for _, tc := range cases {
		_, err := rules.EditDefault(tc.edit)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}

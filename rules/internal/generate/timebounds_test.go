package generate

import (
	"strings"
	"testing"
)

// TestParseTimeBounds reads a bound from a row's description, in a list
// item as well as a sentence, skips rows with none, and fails on a page
// with no bound at all (a page that changed shape).
func TestParseTimeBounds(t *testing.T) {
	page := `<table><thead><tr class="header"><th>Topic</th><th>Description</th></tr></thead>
<tr class="odd"><td align="left"><p><a href="x.md"><strong>RuleA</strong></a></p></td>
<td align="left"><p>The <strong>RuleA</strong> rule verifies that a request completes within 12 seconds.</p></td></tr>
<tr class="even"><td><p><strong>RuleB</strong></p></td><td><p>RuleB verifies three things:</p><ul><li><p>The FilterPause function will be completed in 10 seconds or less.</p></li><li><p>It must not fail.</p></li></ul></td></tr>
<tr class="odd"><td><p><strong>RuleC</strong></p></td><td><p>No bound here.</p></td></tr>
</table>`
	got, err := parseTimeBounds(page)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].SDV != "RuleA" || got[0].Seconds != 12 || got[1].SDV != "RuleB" || got[1].Seconds != 10 {
		t.Fatalf("got %+v", got)
	}
	if got[1].Quote != "The FilterPause function will be completed in 10 seconds or less." {
		t.Errorf("quote %q", got[1].Quote)
	}
	if _, err := parseTimeBounds(strings.ReplaceAll(page, "seconds", "minutes")); err == nil {
		t.Error("a page with no bound parsed")
	}
}

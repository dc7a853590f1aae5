package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestReleaseOnFailureQuotesPages checks that each role's ReleaseOnFailure
// sentence is on the role's own page, and that MiniportInitializeEx has
// one (the pairs of the catalogue are all acquired there).
func TestReleaseOnFailureQuotesPages(t *testing.T) {
	ddi := refDir(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range c.Roles {
		if r.ReleaseOnFailure == "" {
			continue
		}
		n++
		page, sentence, _ := strings.Cut(r.ReleaseOnFailure, ": ")
		if page != r.Page {
			t.Errorf("%s: the sentence is quoted from %s, not from the role's page %s", r.Name, page, r.Page)
		}
		data, err := os.ReadFile(filepath.Join(ddi, "ndis", page+".md"))
		if err != nil {
			t.Errorf("%s: %v", r.Name, err)
			continue
		}
		if !strings.Contains(plainText(string(data)), plainText(sentence)) {
			t.Errorf("%s: the sentence is not in %s", r.Name, page)
		}
	}
	in := map[string]bool{}
	for _, p := range c.Pairs {
		in[p.In] = true
	}
	for name := range in {
		if c.Role(name).ReleaseOnFailure == "" {
			t.Errorf("%s acquires the resources of Catalogue.Pairs but has no ReleaseOnFailure: what it owes when it fails is unknown", name)
		}
	}
	if n == 0 {
		t.Fatal("no role has a ReleaseOnFailure")
	}
}

// TestReleaseOnFailureValidation: the loader rejects a sentence without
// its page.
func TestReleaseOnFailureValidation(t *testing.T) {
	_, err := rules.EditDefault(func(c *rules.Catalogue) {
		for i := range c.Roles {
			if c.Roles[i].ReleaseOnFailure != "" {
				c.Roles[i].ReleaseOnFailure = "no page here"
				return
			}
		}
	})
	if err == nil || !strings.Contains(err.Error(), "releaseOnFailure") {
		t.Errorf("a sentence without its page loads: %v", err)
	}
}

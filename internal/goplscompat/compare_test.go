package goplscompat

import (
	"strings"
	"testing"
)

// checkOutput is `gopls check` output in the shape gopls v0.23.0 prints:
// spans with ranges, related information as "- " lines after their
// diagnostic, and a finding of gopls's own.
const checkOutput = `/x/seed.go:34:3-34: NdisCoDeleteVc on a VC the call manager created (vc-delete-cm-vc)
/x/seed.go:15:39: - the handle comes from the call manager here
/x/driver.go:106:35-58: - registered as ProtocolClCloseCallComplete here
/x/irql.go:16:2-19: NdisMSleep may be called at DISPATCH_LEVEL here (irql-above-max)
/x/a.go:3:1-4:2: unused parameter
`

func wantSeed() diag {
	return diag{pos: "/x/seed.go:34:3", msg: "NdisCoDeleteVc on a VC the call manager created (vc-delete-cm-vc)",
		related: []string{"/x/seed.go:15:39: the handle comes from the call manager here", "/x/driver.go:106:35: registered as ProtocolClCloseCallComplete here"}}
}

// TestCompare checks the parse of `gopls check` output and each way
// compare finds it differs from the command's findings.
func TestCompare(t *testing.T) {
	got := parseGoplsCheck(checkOutput)
	seed := wantSeed()
	irql := diag{pos: "/x/irql.go:16:2", msg: "NdisMSleep may be called at DISPATCH_LEVEL here (irql-above-max)"}
	same := map[string]diag{seed.key(): seed, irql.key(): irql}
	if p := compare(same, got); len(p) > 0 {
		t.Errorf("compare reports differences where there are none: %q", p)
	}
	moreRelated := wantSeed()
	moreRelated.related = append(moreRelated.related, "/x/seed.go:20:1: another")
	for name, tc := range map[string]struct {
		want map[string]diag
		says string
	}{
		"missing":       {map[string]diag{seed.key(): seed, irql.key(): irql, "/x/b.go:1:1: m": {pos: "/x/b.go:1:1", msg: "m"}}, "does not show /x/b.go:1:1: m"},
		"related":       {map[string]diag{moreRelated.key(): moreRelated, irql.key(): irql}, "without its related /x/seed.go:20:1: another"},
		"unwanted rule": {map[string]diag{seed.key(): seed}, "shows /x/irql.go:16:2: NdisMSleep"},
	} {
		if p := strings.Join(compare(tc.want, got), "\n"); !strings.Contains(p, tc.says) {
			t.Errorf("%s: compare = %q, want a problem saying %q", name, p, tc.says)
		}
	}
}

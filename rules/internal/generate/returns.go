package generate

import (
	"regexp"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

var (
	tagIRe     = regexp.MustCompile(`</?i>`)
	dtStatusRe = regexp.MustCompile(`<dt>\s*<b>\s*(NDIS_STATUS_[A-Za-z0-9_]+)[^<]*</b>\s*</dt>`)
	hStatusRe  = regexp.MustCompile(`(?m)^#{3,4}\s+\**(NDIS_STATUS_[A-Za-z0-9_]+)\**\s*$`)
	mdStatusRe = regexp.MustCompile(`(?m)^\|\s*\**(NDIS_STATUS_[A-Za-z0-9_]+)\**\s*\|`)
)

// returnStatuses lists the statuses a section names as return codes (the
// <dt> cells of its table, its #### headings, or a markdown table's first
// column), in page order without repeats. NDIS_STATUS_XXX stands for "any
// other status".
func returnStatuses(section string) []string {
	s := tagIRe.ReplaceAllString(section, "")
	type hit struct {
		at   int
		name string
	}
	var hits []hit
	for _, re := range []*regexp.Regexp{dtStatusRe, hStatusRe, mdStatusRe} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			hits = append(hits, hit{m[2], s[m[2]:m[3]]})
		}
	}
	// Page order.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		n := strings.TrimSpace(h.name)
		if strings.EqualFold(n, rules.StatusAny) {
			n = rules.StatusAny // the pages write NDIS_STATUS_XXX and NDIS_STATUS_Xxx
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

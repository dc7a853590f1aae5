package generate

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/pkg/errors"

	"github.com/ndislint/ndislint/rules"
)

// timeBoundPage is the page, relative to ../shared, whose table lists
// Driver Verifier's NDIS/WIFI rules, the timed ones with their bound.
const timeBoundPage = "sdv/ndis-wifi-verification-rule-set"

var (
	// rowRe matches a table row.
	rowRe = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	// cellRe matches a cell.
	cellRe = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	// boundRe matches the sentence of a cell that states a bound.
	boundRe = regexp.MustCompile(`[^.:]*\b(\d+) seconds\b[^.]*\.?`)
)

// timeBounds reads the bounds of the timed rules from the rule-set page
// beside ddiDir (../shared/sdv beside ../shared/ddi): each row whose
// description states "N seconds" gives its rule (the first cell) a bound.
// The page's shape is checked: a rule-set page with no bound at all is an
// error, not an empty list.
func (g *gen) timeBounds() ([]rules.TimeBound, error) {
	path := filepath.Join(filepath.Dir(g.dir), timeBoundPage+".md")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.Wrap(err, "reading the time bounds")
	}
	out, err := parseTimeBounds(string(b))
	if err != nil {
		return nil, errors.Wrapf(err, "page %s", timeBoundPage)
	}
	return out, nil
}

// parseTimeBounds reads the bounds of a rule-set page's table, sorted by
// rule.
func parseTimeBounds(page string) ([]rules.TimeBound, error) {
	var out []rules.TimeBound
	for _, row := range rowRe.FindAllStringSubmatch(page, -1) {
		cells := cellRe.FindAllStringSubmatch(row[1], -1)
		if len(cells) != 2 {
			continue // the header row, or a row of another table
		}
		name := plainText(cells[0][1])
		m := boundRe.FindStringSubmatch(plainText(cells[1][1]))
		if m == nil {
			continue
		}
		if name == "" || strings.ContainsAny(name, " \t") {
			return nil, errors.Errorf("a row states %q but its first cell %q is not a rule name", m[0], name)
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			return nil, errors.Wrapf(err, "rule %s", name)
		}
		out = append(out, rules.TimeBound{SDV: name, Seconds: n, Quote: strings.TrimSpace(m[0]), Page: timeBoundPage})
	}
	if len(out) == 0 {
		return nil, errors.New("no row states a time bound: has the page changed shape?")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SDV < out[j].SDV })
	return out, nil
}

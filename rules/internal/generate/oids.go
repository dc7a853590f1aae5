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

// The SDV NdisOidComplete page (sdv/ndis-ndisoidcomplete) has two tables of
// OIDs and the statuses a request for each may end with: the first for what
// MiniportOidRequest returns (NDIS_STATUS_PENDING included), the second,
// "In addition", for NdisMOidRequestComplete's status (PENDING excluded).
// This file reads them, and the page's "Applies to" list, into
// rules.OidTable; the OIDs' values come from the overlay (oidTable.values),
// since the reference has no OID pages.

// OidTableOverlay is what the overlay adds to the page.
type OidTableOverlay struct {
	// Page is the SDV page's file name (ndis-ndisoidcomplete).
	Page string `json:"page"`
	// GoType is the model's type of an OID value (ndis.Oid).
	GoType string `json:"goType"`
	// UncheckedReason says why the callbacks of "Applies to" that neither
	// return a status nor complete a request are not judged.
	UncheckedReason string `json:"uncheckedReason"`
	// Values are the OIDs' values by name, each confirmed in a header.
	Values map[string]OidValue `json:"values"`
}

// OidValue is one OID's value and where it was confirmed.
type OidValue struct {
	// Value is the header's hexadecimal value ("0xFD010101").
	Value string `json:"value"`
	// Header names the file and line the value was read from.
	Header string `json:"header"`
	// Reason says why the value is the overlay's to give.
	Reason string `json:"reason"`
}

// oidRow is one row of one of the page's tables.
type oidRow struct {
	oids, statuses []string
}

// oidPage is what the generator reads from the page.
type oidPage struct {
	sdv        string
	returned   []oidRow // the first table
	completed  []oidRow // the second table
	appliesTo  []string // callback and DDI names, page order
	oidsInPage []string // every OID, page order
}

var (
	tableRe     = regexp.MustCompile(`(?s)<table>(.*?)</table>`)
	thRe        = regexp.MustCompile(`(?s)<th(?:\s[^>]*)?>(.*?)</th>`)
	trRe        = regexp.MustCompile(`(?s)<tbody>.*?</tbody>`)
	oidRowRe    = regexp.MustCompile(`(?s)<tr(?:\s[^>]*)?>(.*?)</tr>`)
	tdRe        = regexp.MustCompile(`(?s)<td(?:\s[^>]*)?>(.*?)</td>`)
	pRe         = regexp.MustCompile(`(?s)<p>(.*?)</p>`)
	oidNameRe   = regexp.MustCompile(`^OID_[A-Z0-9_]+$`)
	statusRe    = regexp.MustCompile(`^NDIS_STATUS_[A-Z_]+$`)
	appliesRe   = regexp.MustCompile(`\[\*\*([A-Za-z0-9_]+)\*\*\]`)
	oidTableHd  = []string{"If the OID is:", "In addition, if the OID is:"}
	oidStatusHd = "Can only be completed with the following NTSTATUS values:"
)

// parseOidPage reads the page's text. It fails, saying how, when the page
// does not have the shape this parser knows: exactly the two tables under
// their headings, OID names and status names only in their cells, the same
// OIDs in the same rows of both, NDIS_STATUS_PENDING in every row of the
// first and in none of the second, and an "Applies to" list.
func parseOidPage(text string) (*oidPage, error) {
	pg := &oidPage{}
	var tables [][]oidRow
	for _, m := range tableRe.FindAllStringSubmatch(text, -1) {
		heads := cells(thRe, m[1])
		if len(heads) == 0 || !strings.HasSuffix(heads[0], "the OID is:") {
			if strings.Contains(m[1], "OID_") {
				return nil, errors.New("a table names OIDs under a heading the parser does not know")
			}
			continue
		}
		if len(tables) >= len(oidTableHd) || heads[0] != oidTableHd[len(tables)] || len(heads) != 2 || heads[1] != oidStatusHd {
			return nil, errors.Errorf("OID table %d: headings %q, want %q and %q", len(tables)+1, heads, oidTableHd, oidStatusHd)
		}
		rows, err := oidRows(m[1])
		if err != nil {
			return nil, errors.Wrapf(err, "OID table %d", len(tables)+1)
		}
		tables = append(tables, rows)
	}
	if len(tables) != len(oidTableHd) {
		return nil, errors.Errorf("%d OID tables, want %d", len(tables), len(oidTableHd))
	}
	pg.returned, pg.completed = tables[0], tables[1]
	if err := pg.checkRows(); err != nil {
		return nil, err
	}
	if i := strings.Index(text, "\n## Applies to"); i >= 0 {
		for _, m := range appliesRe.FindAllStringSubmatch(text[i:], -1) {
			pg.appliesTo = append(pg.appliesTo, m[1])
		}
	}
	if len(pg.appliesTo) == 0 {
		return nil, errors.New("no \"## Applies to\" list")
	}
	return pg, nil
}

// oidRows reads a table's body rows.
func oidRows(table string) ([]oidRow, error) {
	body := trRe.FindString(table)
	var rows []oidRow
	for _, r := range oidRowRe.FindAllStringSubmatch(body, -1) {
		tds := tdRe.FindAllStringSubmatch(r[1], -1)
		if len(tds) != 2 {
			return nil, errors.Errorf("row %d: %d cells, want 2", len(rows)+1, len(tds))
		}
		row := oidRow{oids: cells(pRe, tds[0][1]), statuses: cells(pRe, tds[1][1])}
		if err := checkNames(row.oids, oidNameRe); err != nil {
			return nil, errors.Wrapf(err, "row %d", len(rows)+1)
		}
		if err := checkNames(row.statuses, statusRe); err != nil {
			return nil, errors.Wrapf(err, "row %d", len(rows)+1)
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, errors.New("no rows")
	}
	return rows, nil
}

// cells returns the trimmed texts re's first group matches in s.
func cells(re *regexp.Regexp, s string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.TrimSpace(strings.ReplaceAll(m[1], `\_`, "_")))
	}
	return out
}

// checkNames fails unless names is not empty and each matches re.
func checkNames(names []string, re *regexp.Regexp) error {
	if len(names) == 0 {
		return errors.Errorf("an empty cell, want %s", re)
	}
	for _, n := range names {
		if !re.MatchString(n) {
			return errors.Errorf("%q is not %s", n, re)
		}
	}
	return nil
}

// checkRows checks that the two tables agree as the page's text says they
// do, and records the OIDs in page order.
func (pg *oidPage) checkRows() error {
	if len(pg.returned) != len(pg.completed) {
		return errors.Errorf("%d rows in the first table, %d in the second", len(pg.returned), len(pg.completed))
	}
	seen := map[string]bool{}
	for i, r := range pg.returned {
		c := pg.completed[i]
		if strings.Join(r.oids, " ") != strings.Join(c.oids, " ") {
			return errors.Errorf("row %d: the tables list %v and %v", i+1, r.oids, c.oids)
		}
		if !contains(r.statuses, rules.StatusPending) || contains(c.statuses, rules.StatusPending) {
			return errors.Errorf("row %d: NDIS_STATUS_PENDING must be in the first table's row and not in the second's", i+1)
		}
		for _, o := range r.oids {
			if seen[o] {
				return errors.Errorf("%s is in two rows", o)
			}
			seen[o] = true
			pg.oidsInPage = append(pg.oidsInPage, o)
		}
	}
	return nil
}

// oidTable builds Catalogue.OidStatuses from the page and the overlay, or
// returns nil when the overlay has no oidTable.
func (g *gen) oidTable(c *rules.Catalogue) (*rules.OidTable, error) {
	ov := g.o.OidTable
	if ov == nil {
		return nil, nil
	}
	path := filepath.Join(filepath.Dir(g.dir), "sdv", ov.Page+".md")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.Wrap(err, "the SDV page of the OID table")
	}
	pg, err := parseOidPage(string(b))
	if err != nil {
		return nil, errors.Wrapf(err, "page sdv/%s", ov.Page)
	}
	p, err := parsePage(ov.Page, string(b))
	if err != nil {
		return nil, err
	}
	t := &rules.OidTable{Page: "sdv/" + ov.Page, SDV: p.First("api_name"), GoType: ov.GoType}
	if err := g.appliesTo(c, t, pg.appliesTo, ov); err != nil {
		return nil, errors.Wrapf(err, "page sdv/%s", ov.Page)
	}
	if t.Oids, err = oidRowsOf(pg, ov.Values); err != nil {
		return nil, errors.Wrapf(err, "page sdv/%s", ov.Page)
	}
	return t, nil
}

// appliesTo sorts the page's "Applies to" names into the table's roles
// (their return ends a request), DDIs (their status does) and unchecked
// callbacks; a name the catalogue does not have is an error.
func (g *gen) appliesTo(c *rules.Catalogue, t *rules.OidTable, names []string, ov *OidTableOverlay) error {
	for _, n := range names {
		if d := ddiNamed(c, n); d != nil {
			t.DDIs = append(t.DDIs, d.Name)
			continue
		}
		r := roleWithCallback(c, n)
		switch {
		case r == nil:
			return errors.Errorf("Applies to: %s is neither a catalogued DDI nor a catalogued role's callback", n)
		case r.Returns == "NDIS_STATUS":
			t.Roles = append(t.Roles, r.Name)
		default:
			t.Unchecked = append(t.Unchecked, n)
		}
	}
	if len(t.Unchecked) > 0 {
		if ov.UncheckedReason == "" {
			return errors.Errorf("Applies to: %v neither return a status nor complete a request: oidTable.uncheckedReason must say why", t.Unchecked)
		}
		t.UncheckedReason = ov.UncheckedReason
	}
	return nil
}

// ddiNamed returns the catalogue's DDI called name, or nil.
func ddiNamed(c *rules.Catalogue, name string) *rules.DDI {
	for i := range c.DDIs {
		if c.DDIs[i].Name == name {
			return &c.DDIs[i]
		}
	}
	return nil
}

// roleWithCallback returns the catalogue's role whose callback is name, or
// nil.
func roleWithCallback(c *rules.Catalogue, name string) *rules.Role {
	for i := range c.Roles {
		if c.Roles[i].Callback == name {
			return &c.Roles[i]
		}
	}
	return nil
}

// oidRowsOf builds the table's OIDs: the page's rows with the overlay's
// values. Every OID of the page needs a value and every value an OID of
// the page.
func oidRowsOf(pg *oidPage, values map[string]OidValue) ([]rules.OidStatuses, error) {
	var out []rules.OidStatuses
	for i, r := range pg.returned {
		for _, name := range r.oids {
			v, ok := values[name]
			if !ok {
				return nil, errors.Errorf("%s: no value in the overlay's oidTable.values", name)
			}
			n, err := strconv.ParseUint(v.Value, 0, 32)
			if err != nil || v.Header == "" || v.Reason == "" {
				return nil, errors.Errorf("%s: oidTable.values needs a 32-bit value, its header and a reason", name)
			}
			out = append(out, rules.OidStatuses{Name: name, GoName: rules.OidGoName(name), Value: uint32(n),
				Source: v.Header + " (" + v.Reason + ")", Returned: r.statuses, Completed: pg.completed[i].statuses})
		}
	}
	var extra []string
	for n := range values {
		if !contains(pg.oidsInPage, n) {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		return nil, errors.Errorf("oidTable.values: %v are not on the page", extra)
	}
	return out, nil
}

package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// irqlRowCounts is what docs/sdv.md's IRQL rule set says each Irql_* rule
// covers: how many of the DDIs its page's "Applies to" list names the
// catalogue has (each with an IRQL requirement, which irql-above-max and
// irql-below-min check statically and at run time for any DDI of the
// catalogue: analyzers/irql's TestCatalogueDrivesThePass, ndistest's
// TestCatalogueEntryIsEnough), and the DDIs the row says are not modelled.
var irqlRowCounts = map[string]struct {
	have      int
	notInPage []string // named in the row as not modelled
}{
	"Irql_CallManager_Function":      {have: 18},
	"Irql_Connection_Function":       {have: 7},
	"Irql_Filter_Driver_Function":    {have: 14},
	"Irql_Gather_DMA_Function":       {have: 5},
	"Irql_IM_Function":               {have: 5},
	"Irql_Interfaces_Function":       {have: 11},
	"Irql_Interrupt_Function":        {have: 2},
	"Irql_IrqlSetting_Function":      {have: 2},
	"Irql_MCM_Function":              {have: 22},
	"Irql_MCO_Function":              {have: 7},
	"Irql_Miniport_Driver_Function":  {have: 24, notInPage: []string{"NdisMUpdateSharedMemory"}},
	"Irql_Miscellaneous_Function":    {have: 50, notInPage: []string{"NdisGetDriverHandle", "KeGetCurrentProcessorNumber"}},
	"Irql_NetBuffer_Function":        {have: 31, notInPage: []string{"NdisQueryMdl", "NdisQueryMdlOffset", "NdisGetMdlPhysicalArraySize"}},
	"Irql_OID_Function":              {have: 8},
	"Irql_Protocol_Driver_Function":  {have: 21},
	"Irql_SendRcv_Function":          {have: 5},
	"Irql_StatusIndication_Function": {have: 2},
	"Irql_Synch_Function":            {have: 10},
	"Irql_Timer_Function":            {have: 4},
}

var (
	// appliesToName is a DDI linked in a rule page's "## Applies to".
	appliesToName = regexp.MustCompile(`\[\*\*([A-Za-z][A-Za-z0-9_\\]*)\*\*\]`)
	// examinedName is a DDI of a page's opening "This rule examines" list.
	examinedName = regexp.MustCompile(`(?m)^\*\*([A-Z][A-Za-z0-9_\\]*)\*\*\s*$`)
	// rowCount is a count docs/sdv.md's coverage note gives: "all 18",
	// "the page's 5", "24 of the page's 25", "50 of the 52 functions the
	// page names".
	rowCount = regexp.MustCompile(`(?:all|the page's|full: the) (\d+)\b|(\d+) of the (?:page's )?(\d+)`)
)

// TestSDVIrqlRows checks each Irql_* row of docs/sdv.md against the rule's
// page and the catalogue: every DDI the page names is in the catalogue with
// an IRQL requirement, except those the row says are not modelled, and the
// counts the row gives are the catalogue's.
func TestSDVIrqlRows(t *testing.T) {
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(refDir(t)), "sdv")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		t.Skipf("the SDV reference %s is absent: the Irql_* rows cannot be checked against their pages", dir)
	}
	doc := readSDVDoc(t)
	for rule, want := range irqlRowCounts {
		page := filepath.Join(dir, "ndis-"+strings.ToLower(strings.ReplaceAll(rule, "_", "-"))+".md")
		b, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("%s: %v", rule, err)
			continue
		}
		text := string(b)
		names := map[string]bool{}
		if _, applies, ok := strings.Cut(text, "## Applies to"); ok {
			for _, m := range appliesToName.FindAllStringSubmatch(applies, -1) {
				names[strings.ReplaceAll(m[1], `\`, "")] = true
			}
		}
		for _, n := range want.notInPage {
			names[n] = true // the opening list names them; the row says why they are absent
		}
		if head, _, ok := strings.Cut(text, "## How to test"); ok {
			for _, m := range examinedName.FindAllStringSubmatch(head, -1) {
				if n := strings.ReplaceAll(m[1], `\`, ""); c.DDI(n) != nil {
					names[n] = true
				}
			}
		}
		have := 0
		for n := range names {
			d := c.DDI(n)
			switch {
			case d == nil && !contains(want.notInPage, n):
				t.Errorf("%s: %s is named by the page but is not in the catalogue, and docs/sdv.md does not say so", rule, n)
			case d == nil:
			case d.Irql.Kind == "":
				t.Errorf("%s: %s has no IRQL requirement in the catalogue", rule, n)
			default:
				have++
			}
		}
		if have != want.have {
			t.Errorf("%s: the catalogue has %d of the page's %d DDIs, want %d", rule, have, len(names), want.have)
		}
		row, ok := doc[rule]
		if !ok {
			t.Errorf("docs/sdv.md has no row for %s", rule)
			continue
		}
		note := row.cells[len(row.cells)-1]
		for _, n := range want.notInPage {
			if !strings.Contains(note, n) {
				t.Errorf("docs/sdv.md's %s row does not say %s is not modelled", rule, n)
			}
		}
		if m := rowCount.FindStringSubmatch(note); m != nil {
			got := m[1]
			if got == "" {
				got = m[2]
				if total := m[3]; total != itoa(len(names)) {
					t.Errorf("docs/sdv.md's %s row says the page has %s DDIs; it names %d", rule, total, len(names))
				}
			}
			if got != itoa(have) {
				t.Errorf("docs/sdv.md's %s row counts %s DDIs; the catalogue has %d", rule, got, have)
			}
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}

package vclifetime_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/vclifetime"
	"github.com/ndislint/ndislint/rules"
)

// TestFollowsCatalogue runs the pass on one driver with the embedded
// catalogue and with one whose CM-created VC lifetime differs: the handle
// dies in ProtocolClIncomingCloseCall instead of ProtocolClCloseCallComplete,
// and only the condis-client family is forbidden on a dead handle. The pass
// names no role or DDI, so the reports move with the catalogue.
func TestFollowsCatalogue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), vclifetime.Analyzer, "example.com/t/catalogue/asis")
	useCatalogue(t, func(t *testing.T, c *rules.Catalogue) {
		cm := c.Lifetime(rules.ObjectVcCM)
		for i := range cm.Edges {
			e := &cm.Edges[i]
			switch {
			case e.Event == rules.EventRole && e.InvalidatesKind == cm.Handle:
				e.Invalidates, e.InvalidatesKind = "", rules.KindNone
			case e.By == "PROTOCOL_CL_INCOMING_CLOSE_CALL":
				e.Invalidates, e.InvalidatesKind = "NdisVcHandle", cm.Handle
			}
		}
		cm.Invalid.Families = []string{"condis-client"}
	})
	analysistest.Run(t, analysistest.TestData(), vclifetime.Analyzer, "example.com/t/catalogue/moved")
}

// useCatalogue makes the front end load the embedded catalogue as edit
// leaves it, for the rest of the test.
func useCatalogue(t *testing.T, edit func(t *testing.T, c *rules.Catalogue)) {
	t.Helper()
	def, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(def)
	if err != nil {
		t.Fatal(err)
	}
	var c rules.Catalogue
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	edit(t, &c)
	if data, err = json.Marshal(&c); err != nil {
		t.Fatal(err)
	}
	if _, err := rules.Load(data); err != nil {
		t.Fatalf("the edited catalogue does not load: %v", err)
	}
	file := filepath.Join(t.TempDir(), "catalogue.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	setCatalogue(t, file)
	t.Cleanup(func() { setCatalogue(t, "") })
}

// setCatalogue sets the front end's -catalogue flag.
func setCatalogue(t *testing.T, file string) {
	t.Helper()
	if err := ndisfacts.Analyzer.Flags.Set("catalogue", file); err != nil {
		t.Fatal(err)
	}
}

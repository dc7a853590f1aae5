package rules_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestOrdersQuotePages checks that each order's reason is a sentence of its
// page (an SDV rule page as sdv/<name>, otherwise an ndis page) that names
// both DDIs, and that the SDV rule it names lists the order's DDI.
func TestOrdersQuotePages(t *testing.T) {
	ddi := refDir(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Orders) == 0 {
		t.Fatal("no order in the catalogue")
	}
	for _, o := range c.Orders {
		page, sentence, _ := strings.Cut(o.Reason, ": ")
		file := filepath.Join(ddi, "ndis", page+".md")
		if name, ok := strings.CutPrefix(page, "sdv/"); ok {
			file = filepath.Join(filepath.Dir(ddi), "sdv", name+".md")
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("order %s/%s: %v", o.DDI, o.After, err)
			continue
		}
		if !strings.Contains(plainText(string(data)), plainText(sentence)) {
			t.Errorf("order %s/%s: the sentence is not in %s", o.DDI, o.After, page)
		}
		if !strings.Contains(sentence, o.DDI) || !strings.Contains(sentence, o.After) {
			t.Errorf("order %s/%s: the sentence does not name both DDIs", o.DDI, o.After)
		}
		if o.SDV != "" && !slices.Contains(c.DDI(o.DDI).SDV, o.SDV) {
			t.Errorf("order %s/%s: SDV rule %s is not among the DDI's SDV rules %v", o.DDI, o.After, o.SDV, c.DDI(o.DDI).SDV)
		}
	}
}

// TestOrderValidation: the loader rejects an order with an unknown DDI or
// role, a DDI that follows itself, no role, or a reason without its page.
func TestOrderValidation(t *testing.T) {
	cases := []struct {
		name string
		edit func(o *rules.Order)
		want string
	}{
		{"unknown DDI", func(o *rules.Order) { o.After = "NdisNope" }, "unknown DDI"},
		{"itself", func(o *rules.Order) { o.After = o.DDI }, "cannot follow itself"},
		{"no role", func(o *rules.Order) { o.In = nil }, "no role"},
		{"unknown role", func(o *rules.Order) { o.In = []string{"MINIPORT_NOPE"} }, "unknown role"},
		{"no page", func(o *rules.Order) { o.Reason = "a sentence" }, "reason"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rules.EditDefault(func(c *rules.Catalogue) { tc.edit(&c.Orders[0]) })
			if err == nil || !strings.Contains(err.Error(), "order ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("the loader accepted or misreported it: %v", err)
			}
		})
	}
}

// TestOrderBinds: an order binds the roles it lists and no other.
func TestOrderBinds(t *testing.T) {
	o := rules.Order{In: []string{"MINIPORT_INITIALIZE", "MINIPORT_ADD_DEVICE"}}
	if !o.Binds("MINIPORT_ADD_DEVICE") || o.Binds("MINIPORT_HALT") || o.Binds("") {
		t.Error("Binds disagrees with In")
	}
}

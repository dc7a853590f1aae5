package generate

import (
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"If *Wait* is set to **FALSE**, the caller":                                                 "If Wait is set to FALSE, the caller",
		"the <i>MillisecondsPeriod</i> parameter of the \n   <a href=\"/x\">NdisSetTimerObject</a>": "the MillisecondsPeriod parameter of the NdisSetTimerObject",
		"see [KeWaitForSingleObject](./nf-wdm-kewaitforsingleobject.md).":                           "see KeWaitForSingleObject.",
		"IRQL <= APC\\_LEVEL and IRQL &lt; DISPATCH_LEVEL":                                          "IRQL <= APC_LEVEL and IRQL < DISPATCH_LEVEL",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageWhens(t *testing.T) {
	p := &Page{Sections: map[string]string{"-remarks": "If *Wait* is set to **FALSE**, the caller can be\nrunning at IRQL <= DISPATCH_LEVEL.\n"}}
	good := rules.IrqlWhen{Param: "Wait", Quotes: []string{"If Wait is set to FALSE, the caller can be running at IRQL <= DISPATCH_LEVEL."}}
	if ws, err := pageWhens(p, []rules.IrqlWhen{good}); err != nil || len(ws) != 1 {
		t.Errorf("pageWhens(good) = %v, %v", ws, err)
	}
	cases := []struct {
		name string
		w    rules.IrqlWhen
		want string
	}{
		{"quote not on the page", rules.IrqlWhen{Param: "Wait", Quotes: []string{"If Wait is set to TRUE, anything goes."}}, "no sentence"},
		{"no quotes", rules.IrqlWhen{Param: "Wait"}, "no quotes"},
		{"goValue written", rules.IrqlWhen{Param: "Wait", GoValue: "true", Quotes: good.Quotes}, "derived"},
	}
	for _, tc := range cases {
		if _, err := pageWhens(p, []rules.IrqlWhen{tc.w}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestDeriveGoValues(t *testing.T) {
	set := rules.DDI{Name: "Set", Params: []rules.Param{{Name: "T", GoType: "ndis.Handle"}, {Name: "Period", GoType: "int32"}}}
	cancel := rules.DDI{Name: "Cancel", Params: []rules.Param{{Name: "T", GoType: "ndis.Handle"}, {Name: "Timeout", GoType: "*int64"}}}
	cancel.Irql.When = []rules.IrqlWhen{
		{Param: "T", Of: &rules.ArgOf{DDI: "Set", Param: "Period", Match: "T"}, Value: "0"},
		{Param: "Timeout", Deref: true, Value: "0"},
		{Param: "Timeout", Value: "NULL"},
	}
	ddis := []rules.DDI{set, cancel}
	if err := deriveGoValues(ddis); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"0", "0", "nil"} {
		if got := ddis[1].Irql.When[i].GoValue; got != want {
			t.Errorf("when %d: goValue %q, want %q", i, got, want)
		}
	}
	ddis[1].Irql.When = []rules.IrqlWhen{{Param: "T", Value: "TRUE"}}
	if err := deriveGoValues(ddis); err == nil {
		t.Error("TRUE for an ndis.Handle was accepted")
	}
}

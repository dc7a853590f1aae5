package ndissim

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

func TestMiniportLog(t *testing.T) {
	s := reset()
	a, _ := mp6Adapter(t, s, nil)
	var h, h2 ndis.Handle
	if st := ndis.MCreateLog(a, 0, &h); st != ndis.StatusResources {
		t.Fatalf("a log of 0 bytes = %s", st)
	}
	if st := ndis.MCreateLog(a, 8, &h); st != ndis.StatusSuccess {
		t.Fatalf("NdisMCreateLog = %s", st)
	}
	if st := ndis.MCreateLog(a, 8, &h2); st != ndis.StatusFailure {
		t.Fatalf("a second log = %s", st)
	}
	l := Of(s).w.extras().logs[h.(*resourceHandle)]
	ndis.MWriteLogData(h, []byte("abcdef"), 6)
	ndis.MWriteLogData(h, []byte("ghij"), 4)
	if got := string(l.contents()); got != "cdefghij" {
		t.Fatalf("the circular log holds %q", got)
	}
	if st := ndis.MWriteLogData(h, make([]byte, 9), 9); st != ndis.StatusBufferOverflow {
		t.Fatalf("more than the file holds = %s", st)
	}
	ndis.MFlushLog(h)
	ndis.MWriteLogData(h, []byte("xy"), 2)
	if got := string(l.contents()); got != "xy" {
		t.Fatalf("after NdisMFlushLog the log holds %q", got)
	}
	ndis.MCloseLog(h)
	if st := ndis.MCreateLog(a, 8, &h2); st != ndis.StatusSuccess {
		t.Fatalf("a log after NdisMCloseLog = %s", st)
	}
	ksExpect(t, s)
	ndis.MWriteLogData(h, []byte("z"), 1)  // closed
	ndis.MWriteLogData(h2, []byte("z"), 2) // short buffer
	ndis.MFlushLog(a)                      // not a log handle
	ndis.MCloseLog(h2)
	ksExpect(t, s, rules.RuleBadHandle, rules.RuleBadParameter, rules.RuleBadHandle)
}

package ndissim

import (
	"github.com/ndislint/ndislint/internal/kernel"
)

// second is one second of the simulated clock, in its 100 ns units.
const second = int64(10_000_000)

// watchdog arms, on the simulated clock, the watchdog of Driver Verifier's
// timed rule that rule ID id stands for (its Rule.SDV): fire runs once the
// rule's bound has passed, given the bound in seconds. The bound is the
// catalogue's (rules.TimeBound, read from the rule-set page), so a run
// checks what the page states. With no bound in the catalogue nothing is
// armed and watchdog returns nil: the rule is then not checked.
func (w *world) watchdog(id, of string, fire func(seconds int)) *kernel.Event {
	b := w.st.Catalogue().TimeBoundOf(id)
	if b == nil {
		return nil
	}
	return w.st.Enqueue(b.SDV+" watchdog of "+of, int64(b.Seconds)*second, func() { fire(b.Seconds) })
}

// Package odd holds shapes the pass must survive without reports or panics: // want package:"vcfields\\{example.com/t/odd.vc.h=cm\\}"
// generics, recursion, goroutines, interface calls, handlers in maps, method
// values and closures as handlers, and values it cannot resolve.
package odd

import "github.com/ndislint/ndislint/ndis"

type vc struct{ h ndis.Handle }

type driver struct{ vcs map[int]*vc }

// clCreateVc is a method value registered as a handler.
func (d *driver) clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	v := &vc{h: ndisVcHandle}
	d.vcs[len(d.vcs)] = v
	*protocolVcContext = v
	return ndis.StatusSuccess
}

type deleter interface{ delete(h ndis.Handle) }

type real struct{}

func (real) delete(h ndis.Handle) { ndis.CoDeleteVc(h) }

// Generic code over handles.
func each[T any](xs []T, f func(T)) {
	for _, x := range xs {
		f(x)
	}
}

// recurse calls itself.
func recurse(v *vc, n int) {
	if n == 0 {
		return
	}
	recurse(v, n-1)
}

func newDriver() *driver {
	d := &driver{vcs: map[int]*vc{}}
	var del deleter = real{}
	handlers := map[string]ndis.ProtocolClCloseCallComplete{
		"close": func(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
			v := protocolVcContext.(*vc)
			del.delete(v.h) // an interface call: not followed, so not reported
			recurse(v, 3)
			go recurse(v, 1)
			each([]*vc{v}, func(x *vc) { _ = x })
		},
	}
	_ = ndis.CoClientOptionalHandlers{
		ClCreateVcHandler:          d.clCreateVc,
		ClCloseCallCompleteHandler: handlers["close"], // a map value: not resolved
	}
	var unknown ndis.ProtocolClCloseCallComplete
	_ = ndis.CoClientOptionalHandlers{ClCloseCallCompleteHandler: unknown}
	return d
}

var _ = newDriver

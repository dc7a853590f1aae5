// Package nondriver does not use the runtime: the pass says nothing about
// it, even about comments that look like role directives.
package nondriver

//ndis:role NOT_A_ROLE
func handler(status uint32, context any) {}

var handlers = struct{ Done func(uint32, any) }{Done: handler}

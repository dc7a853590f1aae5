// Package nblown defines an Analyzer that checks the ownership of
// NET_BUFFER_LISTs in NDIS 6 drivers: a list the driver handed to NDIS (a
// send, a receive indication) or released (a send completion, a return, a
// free) is not touched again.
//
// # Analyzer nblown
//
// nblown: check that a NET_BUFFER_LIST is not used after the driver handed it off
//
// Each DDI parameter that passes NET_BUFFER_LISTs carries, in the catalogue
// (package rules, Param.Handoff), what the call does to the caller's
// ownership: the lists are not the caller's until the role Handoff.Until
// gives them back (NdisSendNetBufferLists: until
// ProtocolSendNetBufferListsComplete), or not at all (NdisReturnNetBufferLists,
// NdisFreeNetBufferList), unless the flag Handoff.KeepIf is set in another
// argument (NDIS_RECEIVE_FLAGS_RESOURCES in the ReceiveFlags of a receive
// indication: the lists are the driver's again when the call returns). The
// pass knows no DDI or role by name; a DDI given a Handoff in the catalogue
// is checked without a change here.
//
//	nbl-use-after-handoff  a NET_BUFFER_LIST touched on a path after a call
//	                       that handed it off, in the same function: a field
//	                       read or written (nbl.Next, nbl.Status = ...), the
//	                       list dereferenced, or passed to any call (a DDI, a
//	                       helper, the same send again, a deferred call)
//
// The list is followed as an SSA value: the argument of the handoff call and
// what the function makes of it without going through memory (conversions,
// interface values, type assertions back, phis that merge it on the path
// taken). When the argument was loaded from memory in the same block (a
// field, a.pending or a.q.head; a local variable a closure captures), a
// later load from the same place holds the list too, until a store may
// change the place (a store to it, or to the same field of any structure of
// the same type) or a call may (any call but a DDI's), and not when such a
// store or call came between the load and the handoff. A path ends at the first touch (one report per defect), at a
// return, or where the value is defined again: in a loop that moves to the
// next list (for nbl != nil { next := nbl.Next; ...; send(nbl); nbl = next })
// the variable names a new list after the back edge, so the loop's own
// nbl != nil and next iteration are not touches of the list sent. A path
// goes around a loop only when the handoff is on every iteration's way back
// (its block dominates the back edge): a loop that sends the same value on
// every iteration, or touches it before sending it, is reported; one that
// sends it from a guarded iteration (if !sent { send; sent = true }) is not
// followed around the loop.
//
// What is not a touch: comparing the pointer (nbl != nil, nbl == first),
// storing the pointer itself somewhere (a queue, a field, a slice), returning
// it, and passing it to a built-in function; none of these reads or writes
// the structure NDIS now owns. Another list of the same chain read before
// the send (next := nbl.Next) is another value: whether the driver unlinked
// it (nbl.Next = nil) before the send is not tracked, so a touch of next
// after the send is not reported.
//
// KeepIf: when the flags argument is a constant with the flag set, the call
// hands nothing off; when it is a constant without it, the call hands the
// lists off. A variable set to constants on different paths (a phi) counts
// when every path agrees. When the pass cannot tell (a parameter, a
// computed value, paths that disagree), it treats the call as handing
// nothing off.
//
// Helpers: a function of the package that hands one of its parameters off on
// every path to a return (directly or through another such helper) hands off
// the caller's argument at the call; an exported one carries that in its
// Fact, so callers in other packages see it too (the report names the helper
// and the DDI, with the helper's call as related position; when its paths
// hand the list to different DDIs, the first in block order). A helper that
// hands its parameter off on some paths only is not a handoff at its calls.
//
// Precision before recall. The pass cannot see: a list reached again through
// memory other than the place it was loaded from (another variable it was
// stored in, a slice, a map, a queue), or through that place after a helper
// call (which may have stored another list there); the other lists of a
// chain; a handoff in a deferred call or a goroutine (reported as a touch
// when it follows a handoff, never a handoff itself); calls through function
// values and interfaces (not followed; passing the list to one after a
// handoff is a touch); a flags argument that is not a constant, at a DDI or
// through a helper's parameter; a touch in another function or callback
// after the handoff (a list queued and sent, then touched by a timer).
package nblown

package main

// seedClient is the seed case: a CoNDIS client that deletes, after a
// successful close, a VC the call manager created (vc-delete-cm-vc).
const seedClient = `package client

import "github.com/ndislint/ndislint/ndis"

type vc struct{ ndisVcHandle ndis.Handle }

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle}
	return ndis.StatusSuccess
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess {
		ndis.CoDeleteVc(v.ndisVcHandle) // reported: the call manager created this VC
	}
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}
`

// seedMarker marks the line the seed's finding must be reported at.
const seedMarker = "// reported:"

// seedTwin is the seed's clean twin: a flag in the VC context tells
// CM-created VCs from the ones the client created with NdisCoCreateVc, and
// only the latter are deleted after a successful close.
const seedTwin = `package twin

import "github.com/ndislint/ndislint/ndis"

type vc struct {
	ndisVcHandle ndis.Handle
	createdByCM  bool
}

func clCreateVc(protocolAfContext, ndisVcHandle ndis.Handle, protocolVcContext *ndis.Handle) ndis.Status {
	*protocolVcContext = &vc{ndisVcHandle: ndisVcHandle, createdByCM: true}
	return ndis.StatusSuccess
}

func clCloseCallComplete(status ndis.Status, protocolVcContext, protocolPartyContext ndis.Handle) {
	v := protocolVcContext.(*vc)
	if status == ndis.StatusSuccess && !v.createdByCM {
		ndis.CoDeleteVc(v.ndisVcHandle)
	}
}

// makeVc creates a VC for an outgoing call: the client owns it.
func makeVc(binding, af ndis.Handle) (*vc, ndis.Status) {
	v := &vc{}
	status := ndis.CoCreateVc(binding, af, v, &v.ndisVcHandle)
	return v, status
}

var handlers = ndis.CoClientOptionalHandlers{
	ClCreateVcHandler:          clCreateVc,
	ClCloseCallCompleteHandler: clCloseCallComplete,
}

var _ = makeVc
`

// malformedSrc uses the runtime and carries a misspelt directive
// (directive-malformed) at the line marked by malformedMarker.
const malformedSrc = `package dirs

import "github.com/ndislint/ndislint/ndis"

//ndis:rol PROTOCOL_CO_DELETE_VC
func coDeleteVc(protocolVcContext ndis.Handle) ndis.Status { return ndis.StatusSuccess }

// Dep is used by package user, which imports this one.
func Dep() ndis.Status { return coDeleteVc(nil) }
`

// malformedMarker marks the malformed directive in malformedSrc.
const malformedMarker = "//ndis:rol"

// userSrc imports package dirs, so that go vet may first see dirs only as a
// dependency.
const userSrc = `package user

import "example.com/scratch/dirs"

// Use calls into dirs.
func Use() { _ = dirs.Dep() }
`

// printfSrc has a bug only the go vet suite reports (printf).
const printfSrc = `package vetonly

import "fmt"

// Show misuses a format verb.
func Show() { fmt.Printf("%d\n", "not a number") }
`

// brokenSrc does not type-check.
const brokenSrc = `package broken

import "github.com/ndislint/ndislint/ndis"

// F returns a name that does not exist.
func F() ndis.Status { return undefinedStatus }
`

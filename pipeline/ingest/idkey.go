package ingest

import (
	"hash/maphash"
	"math"
	"sort"
)

// idKey is a 128-bit hash of an identifier. The maps of a call (up to ten million event
// ids, a million and a half youths) are keyed by it rather than by strings: a map without
// pointers is never scanned by the garbage collector, and takes half the memory. Two
// distinct ids share a key with probability about n²/2¹²⁹ — nil for any real batch.
type idKey [2]uint64

var idSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func keyOf(id string) idKey {
	return idKey{maphash.String(idSeeds[0], id), maphash.String(idSeeds[1], id)}
}

// idSet holds the ids of one kind with the line each first came on, for duplicates.
// Extracts list their ids in increasing order more often than not: such ids are appended
// to a sorted run, with no hashing and no random access into a table of ten million
// entries; an id out of that order is looked up in the run, then kept in a map. The run
// is one byte slice and offsets, without pointers, so the garbage collector never scans
// it.
type idSet struct {
	run    []byte   // the increasing ids, end to end
	ends   []uint32 // where each id of run ends
	lines  []int32  // the line of each id of run
	others map[idKey]int32
}

func newIDSet() *idSet { return &idSet{others: map[idKey]int32{}} }

// at returns the i-th id of the run (compared as string(s.at(i)), which copies nothing).
func (s *idSet) at(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.run[start:s.ends[i]]
}

// add records id on line unless it was seen before; it returns the line it was first
// seen on, 0 when it is new.
func (s *idSet) add(id string, line int) int {
	n := len(s.ends)
	if (n == 0 || id > string(s.at(n-1))) && len(s.run)+len(id) <= math.MaxUint32 {
		s.run = append(s.run, id...)
		s.ends = append(s.ends, uint32(len(s.run)))
		s.lines = append(s.lines, int32(line))
		return 0
	}
	i := sort.Search(n, func(i int) bool { return string(s.at(i)) >= id })
	if i < n && string(s.at(i)) == id {
		return int(s.lines[i])
	}
	k := keyOf(id)
	if first, seen := s.others[k]; seen {
		return int(first)
	}
	s.others[k] = int32(line)
	return 0
}

package read

import (
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
	"github.com/opsalign/opsalign/generator/read/value"
)

// tableSchema is one table's fields with a folded-header lookup.
type tableSchema struct {
	table  model.Table
	fields []schema.Field
	byName map[string]int // field name -> index
	alias  map[string]int // folded header -> field index
	rank   map[string]int // folded header -> its place in the field's aliases (lower is more specific)
	enums  []value.Enum   // per field: the spellings of its enumerated type, or nil
}

// schemas is the lookup built once per Read (no package-level state).
type schemas struct {
	tables []*tableSchema // in model.Tables order
	by     map[model.Table]*tableSchema
	names  map[string]model.Table
	enums  map[string]value.Enum // by enumerated field type
	// anyAlias holds every folded header of every table, for CSV
	// delimiter detection.
	anyAlias map[string]bool
}

func newSchemas() *schemas {
	sc := &schemas{by: map[model.Table]*tableSchema{}, names: schema.TableNames(), enums: map[string]value.Enum{}, anyAlias: map[string]bool{}}
	for _, typ := range schema.EnumTypes() {
		sc.enums[typ] = value.NewEnum(schema.Enum(typ))
	}
	for _, t := range model.Tables {
		ts := &tableSchema{table: t, fields: schema.Fields(t), byName: map[string]int{}, alias: map[string]int{}, rank: map[string]int{}}
		ts.enums = make([]value.Enum, len(ts.fields))
		for i, f := range ts.fields {
			ts.enums[i] = sc.enums[f.Type]
			ts.byName[f.Name] = i
			for r, a := range append(append([]string(nil), f.Aliases...), f.Name) {
				k := value.FoldHeader(a)
				if _, dup := ts.alias[k]; !dup {
					ts.alias[k] = i
					ts.rank[k] = r
				}
				sc.anyAlias[k] = true
			}
		}
		sc.tables = append(sc.tables, ts)
		sc.by[t] = ts
	}
	return sc
}

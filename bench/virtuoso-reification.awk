# N-Triples as reelgraph itself writes them to Virtuoso 7.2 (store/VirtuosoDialect.java, store/Skolem.java), for
# bench/compare.sh's reelgraph-remote-virtuoso: Virtuoso has no RDF 1.2 triple terms, so each
#   r rdf:reifies <<( s p o )>> .
# becomes r rdf:type rdf:Statement ; rdf:subject s ; rdf:predicate p ; rdf:object o (which reelgraph's SELECTs turn
# back into the rdf:reifies statement), and every blank node _:x becomes the skolem IRI <GENID bx> (which reelgraph
# reads back as _:x). The generator's lines: one statement a line, blank node labels [A-Za-z0-9_-]+, a triple term
# only as the object of rdf:reifies. With -v SKOLEM_ONLY=1: the skolem IRIs only, triple terms kept (what reelgraph
# writes to a store that takes RDF 1.2, such as Fuseki: store/GenericDialect.java).
BEGIN {
  G = "https://w3id.org/reelgraph/.well-known/genid/b"
  RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
}
function sk(t) { return t ~ /^_:/ ? "<" G substr(t, 3) ">" : t }
/ <<\( / {
  i = index($0, " <<( ")
  split(substr($0, 1, i - 1), head, " ")
  if (head[2] != "<" RDF "reifies>") { print FILENAME ":" FNR ": a triple term outside rdf:reifies" > "/dev/stderr"; exit 1 }
  inner = substr($0, i + 5)
  if (!sub(/ \)>> \.$/, "", inner)) { print FILENAME ":" FNR ": not one triple term" > "/dev/stderr"; exit 1 }
  s = inner; sub(/ .*/, "", s)
  rest = substr(inner, length(s) + 2)
  p = rest; sub(/ .*/, "", p)
  o = substr(rest, length(p) + 2)
  r = sk(head[1])
  if (SKOLEM_ONLY) { print r " " head[2] " <<( " sk(s) " " p " " sk(o) " )>> ."; next }
  print r " <" RDF "type> <" RDF "Statement> ."
  print r " <" RDF "subject> " sk(s) " ."
  print r " <" RDF "predicate> " p " ."
  print r " <" RDF "object> " sk(o) " ."
  next
}
{
  line = $0
  if (line ~ /^_:/) { b = $1; line = sk(b) substr(line, length(b) + 1) }
  if (match(line, / _:[A-Za-z0-9_-]+ \.$/)) line = substr(line, 1, RSTART) sk(substr(line, RSTART + 1, RLENGTH - 3)) " ."
  print line
}

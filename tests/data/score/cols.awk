# Prints the named columns of a CSV whose fields hold no commas or quotes:
#   awk -F, -v cols=account,score,band -f cols.awk health.csv
BEGIN { OFS = ","; n = split(cols, want, ",") }
NR == 1 { for (i = 1; i <= NF; i++) idx[$i] = i }
{
	line = ""
	for (k = 1; k <= n; k++)
		line = line (k > 1 ? OFS : "") $(idx[want[k]])
	print line
}

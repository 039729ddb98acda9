# Reference (d) of the bench: reference (b)'s four indicators (JEU_CONTACT, JEU_ACCUEILLIS,
# JEU_JDI and JEU_ENTRETIENS at the four levels) as a statistician writes them in R with
# data.table, straight from the files. Prints its seconds.
# Rscript reference_d.R <folder of a batch> <referentiel CSV> <exercice>
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; ref <- args[2]; year <- args[3]
setDTthreads(0)
t0 <- Sys.time()
refs <- fread(ref, sep = ";", colClasses = "character", select = c("code_structure", "code_departement", "code_region"))
jeunes <- fread(file.path(dir, "jeunes.csv"), sep = ";", colClasses = "character", select = c("id_jeune", "code_structure"))
ev <- fread(file.path(dir, "evenements.csv"), sep = ";", colClasses = "character",
            select = c("id_evenement", "id_jeune", "code_structure", "date_evenement", "type_evenement", "statut"))
setnames(jeunes, "code_structure", "ml")
ev <- ev[toupper(statut) == "REALISE" & substr(date_evenement, 7, 10) == year]
ev <- jeunes[ev, on = "id_jeune", nomatch = NULL]
# The distinct members of each territory: mission locale, département, région, France.
levels4 <- function(d, member) {
  d <- merge(d, refs, by.x = "ml", by.y = "code_structure", all.x = TRUE)
  rbind(d[, .(niveau = "ml", n = uniqueN(get(member))), by = .(code = ml)],
        d[, .(niveau = "departement", n = uniqueN(get(member))), by = .(code = code_departement)],
        d[, .(niveau = "region", n = uniqueN(get(member))), by = .(code = code_region)],
        d[, .(niveau = "national", code = "FR", n = uniqueN(get(member)))])
}
entretien <- ev$type_evenement %in% c("ENTRETIEN_INDIVIDUEL", "INFORMATION_COLLECTIVE", "ATELIER")
res <- list(
  JEU_CONTACT = levels4(ev[, .(ml, id_jeune)], "id_jeune"),
  JEU_ACCUEILLIS = levels4(ev[entretien, .(ml, id_jeune)], "id_jeune"),
  JEU_JDI = levels4(ev[entretien & substr(date_evenement, 4, 5) >= "08", .(ml, id_jeune)], "id_jeune"),
  JEU_ENTRETIENS = levels4(ev[type_evenement == "ENTRETIEN_INDIVIDUEL",
                              .(ml = code_structure, m = paste0(id_evenement, substr(date_evenement, 1, 2)))], "m"))
cat(as.numeric(difftime(Sys.time(), t0, units = "secs")), "\n")
# Then the national values, for the bench to check against bilan's.
for (id in names(res)) cat(id, res[[id]][niveau == "national", n], "\n")

-- The warehouse tables. Every statement is idempotent: the file runs whenever the warehouse
-- is prepared again (a new SQL set, see preparation).

-- The SQL set (schema, reference tables, views) the warehouse was last prepared with: an open
-- prepares it again only when the program's SQL set differs, so opening writes nothing.
CREATE TABLE IF NOT EXISTS preparation (sql_sha256 VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
    exercice        INTEGER NOT NULL,
    scope           VARCHAR NOT NULL,   -- 'national' or a region code
    kind            VARCHAR NOT NULL,   -- referentiel, jeunes, evenements, mesures, classeur (scope = its region)
    seq             INTEGER NOT NULL,   -- load order; unchanged when the same content is loaded again
    fichiers        VARCHAR NOT NULL,   -- file names, '|'-separated
    sha256          VARCHAR NOT NULL,   -- SHA-256 of each file, '|'-separated
    lignes_lues     INTEGER NOT NULL,
    lignes_chargees INTEGER NOT NULL,
    lignes_rejetees INTEGER NOT NULL,
    PRIMARY KEY (exercice, scope, kind)
);

CREATE TABLE IF NOT EXISTS raw_structures (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    code_structure VARCHAR, nom_officiel VARCHAR, nom_usuel VARCHAR,
    code_departement VARCHAR, code_region VARCHAR
);

CREATE TABLE IF NOT EXISTS raw_jeunes (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    id_jeune VARCHAR,           -- HMAC-SHA-256, never the I-milo id
    code_structure VARCHAR, date_naissance DATE, sexe VARCHAR,
    niveau_formation VARCHAR, diplome_obtenu BOOLEAN, qpv BOOLEAN, zrr BOOLEAN,
    date_premier_accueil DATE
);

CREATE TABLE IF NOT EXISTS raw_evenements (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    id_evenement VARCHAR, id_jeune VARCHAR, code_structure VARCHAR,
    date_evenement DATE, type_evenement VARCHAR, statut VARCHAR, siret VARCHAR
);

CREATE TABLE IF NOT EXISTS raw_mesures (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    id_mesure VARCHAR, id_jeune VARCHAR, code_structure VARCHAR, categorie VARCHAR,
    date_debut DATE, date_fin DATE, siret VARCHAR,
    id_parrain VARCHAR          -- HMAC-SHA-256
);

-- ARML workbooks (extracts.md §4), one table per sheet; scope is the workbook's region.
-- Columns follow internal/arml.Sheets (labels left out); NULL = not given.
CREATE TABLE IF NOT EXISTS raw_arml_structures (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    code_structure VARCHAR, nb_lieux_accueil BIGINT, nb_salaries BIGINT, etp DECIMAL(18,2),
    nb_referents_entreprise BIGINT, reseau_parrainage BOOLEAN, nb_parrains BIGINT,
    fin_etat DECIMAL(18,2), fin_region DECIMAL(18,2), fin_departements DECIMAL(18,2),
    fin_communes DECIMAL(18,2), fin_fse DECIMAL(18,2), fin_autres DECIMAL(18,2)
);
CREATE TABLE IF NOT EXISTS raw_arml_enquete_numerique (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    q1_plan_action BOOLEAN, q1_description VARCHAR, q2_prestataires BOOLEAN, q2_liste VARCHAR,
    q3_appel_offres VARCHAR, q4_applications VARCHAR, q5_interop_imilo BOOLEAN, q5_donnees VARCHAR,
    q6_cout_total DECIMAL(18,2), q6_cout_compte_60 DECIMAL(18,2), q6_cout_compte_61 DECIMAL(18,2),
    q6_cout_compte_62 DECIMAL(18,2), q7_etp DECIMAL(18,2), q7_materiels VARCHAR
);
CREATE TABLE IF NOT EXISTS raw_arml_ml_strategie_numerique (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    code_structure VARCHAR, strategie_numerique BOOLEAN, description VARCHAR
);
CREATE TABLE IF NOT EXISTS raw_arml_suivi_pnae (
    exercice INTEGER, scope VARCHAR, fichier VARCHAR, ligne INTEGER,
    action INTEGER, role VARCHAR, statut VARCHAR, commentaire VARCHAR
);

-- Rejected rows and warnings: where and why, never a personal value.
CREATE TABLE IF NOT EXISTS quarantine (
    exercice INTEGER, scope VARCHAR, kind VARCHAR, fichier VARCHAR, ligne INTEGER,
    colonne VARCHAR, regle VARCHAR, message VARCHAR
);
CREATE TABLE IF NOT EXISTS warnings (
    exercice INTEGER, scope VARCHAR, kind VARCHAR, fichier VARCHAR, ligne INTEGER,
    colonne VARCHAR, regle VARCHAR, message VARCHAR
);

-- The referential shipped with the program, used for an exercice that loaded none.
CREATE TABLE IF NOT EXISTS referentiel_livre (
    code_structure VARCHAR, nom_officiel VARCHAR, nom_usuel VARCHAR,
    code_departement VARCHAR, code_region VARCHAR
);

-- Indicator catalogue, read from the headers of sql/indicators/*.sql at each compute.
CREATE TABLE IF NOT EXISTS catalogue (
    indicateur VARCHAR PRIMARY KEY, titre VARCHAR, definition VARCHAR,
    source VARCHAR, unite VARCHAR, couverture VARCHAR,
    secret VARCHAR,             -- effectif, part, rapport, aucun
    derive VARCHAR,             -- indicators a rate comes from, comma-separated
    niveaux VARCHAR,            -- levels it is defined at, comma-separated
    famille VARCHAR             -- "PNAE_* – title" for an id of a family file, else NULL
);

-- Every cell a publication printed (the packs of exercice `publication` show it and the
-- exercice before), with its secrecy status: the next publication keeps what is public
-- public and what is masked masked. Analysts' data stays true elsewhere.
CREATE TABLE IF NOT EXISTS cellules_publiees (
    publication INTEGER, exercice INTEGER, indicateur VARCHAR, niveau VARCHAR, code VARCHAR,
    evolution BOOLEAN,          -- the change in % on the exercice before (key figures)
    statut VARCHAR              -- NULL printed, A primary, D secondary
);
DROP TABLE IF EXISTS secret;    -- the masks of earlier versions, decided exercice by exercice

-- Youths whose row was rejected (pseudonymised ids), per batch of youths: their events and
-- measures sent in a later call are rejected as jeune_rejete too.
CREATE TABLE IF NOT EXISTS jeunes_rejetes (exercice INTEGER, scope VARCHAR, id_jeune VARCHAR);

-- Each exercice computed, with the SQL set it was computed with (sqlfiles.Hash), what
-- else its values depend on (its batches, the shipped referential, the parameters) and
-- the date its documents carry (view date_document, read once from the views compute
-- stores rather than at each publication).
CREATE TABLE IF NOT EXISTS calculs (exercice INTEGER, sql_sha256 VARCHAR, empreinte VARCHAR);
ALTER TABLE calculs ADD COLUMN IF NOT EXISTS empreinte VARCHAR;
ALTER TABLE calculs ADD COLUMN IF NOT EXISTS date_document DATE;

-- Values as each indicator view gives them, before territories are completed.
CREATE TABLE IF NOT EXISTS valeurs_brutes (
    exercice INTEGER, indicateur VARCHAR, niveau VARCHAR, code VARCHAR,
    valeur DECIMAL(18,2), numerateur BIGINT, denominateur BIGINT
);

-- The computed indicators: one row per (exercice, indicator, level, territory).
CREATE TABLE IF NOT EXISTS indicateurs (
    exercice INTEGER, indicateur VARCHAR, niveau VARCHAR, code VARCHAR,
    valeur DECIMAL(18,2), numerateur BIGINT, denominateur BIGINT
);

-- Breakdowns of the youth counts as each indicator view gives them (the modalités found).
CREATE TABLE IF NOT EXISTS ventilations_brutes (
    exercice INTEGER, indicateur VARCHAR, niveau VARCHAR, code VARCHAR,
    dimension VARCHAR, modalite VARCHAR, valeur BIGINT
);

-- The breakdowns of the youth counts (catalogue.ventile): one row per (exercice, indicator,
-- level, territory) of indicateurs and modalité of ref_modalites.
CREATE TABLE IF NOT EXISTS indicateurs_ventiles (
    exercice INTEGER, indicateur VARCHAR, niveau VARCHAR, code VARCHAR,
    dimension VARCHAR, modalite VARCHAR, valeur BIGINT
);

-- Columns added after the first warehouses were created.
ALTER TABLE catalogue ADD COLUMN IF NOT EXISTS secret VARCHAR;
ALTER TABLE catalogue ADD COLUMN IF NOT EXISTS derive VARCHAR;
ALTER TABLE catalogue ADD COLUMN IF NOT EXISTS niveaux VARCHAR;
ALTER TABLE catalogue ADD COLUMN IF NOT EXISTS famille VARCHAR;
ALTER TABLE catalogue ADD COLUMN IF NOT EXISTS ventile BOOLEAN;   -- a youth count, broken down (indicateurs_ventiles)

-- Uploads of the upload service (bilan serve): who sent what, when, with what outcome.
-- The validation report is kept as JSON (French messages, never a personal value).
CREATE TABLE IF NOT EXISTS depots (
    depot INTEGER PRIMARY KEY, exercice INTEGER, region VARCHAR, compte VARCHAR,
    recu TIMESTAMP, statut VARCHAR,     -- charge, refuse
    rapport VARCHAR
);
CREATE TABLE IF NOT EXISTS depots_fichiers (
    depot INTEGER, nom VARCHAR, sha256 VARCHAR, octets BIGINT
);

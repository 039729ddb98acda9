package synth

// Survey2018 are the answers of the 14 ARMLs to the DMML's digital-strategy survey of
// January 2018 (seed, annex 2), as the sheet « enquete_numerique » takes them — without
// the names, phone numbers and e-mail addresses of contacts the annex holds. The
// synthesis of the annex gives the counts they must add up to: 6 regional plans, 6 ARMLs
// with providers, 2 tenders (others in progress), a majority asking for interoperability
// with I-milo, Île-de-France's 384 700 € split on accounts 60/61/62, Corse's 61 200 € and
// Normandie's « environ 100 000 € » given as totals only.
var Survey2018 = map[string]map[string]any{
	"84": { // Auvergne-Rhône-Alpes
		"q1_plan_action": "OUI", "q1_description": "Pré-projet de stratégie numérique régionale validé par le conseil d'administration en octobre 2017 ; structuration d'une réponse régionale pour les 61 missions locales.",
		"q2_prestataires": "NON", "q3_appel_offres": "EN_COURS",
		"q4_applications": "Site internet | Facebook | Tchat | Entretien à distance", "q5_interop_imilo": "OUI",
		"q5_donnees": "Inscription en ligne, agenda, dossier du jeune",
	},
	"27": { // Bourgogne-Franche-Comté
		"q1_plan_action": "OUI", "q2_prestataires": "OUI", "q2_liste": "Fondation Orange | Fondation Orange Solidarités",
		"q3_appel_offres": "Non concerné", "q4_applications": "Passeport numérique Orange",
		"q5_interop_imilo": "Non concerné", "q7_materiels": "Non concerné",
	},
	"53": { // Bretagne
		"q1_plan_action": "NON", "q2_prestataires": "OUI", "q2_liste": "Alliam | Coopératice | Orsys formation | AFPA | Voyelle formation",
		"q3_appel_offres": "NON", "q4_applications": "Facebook | Site internet | Plateforme de socio-compétences",
		"q5_interop_imilo": "OUI", "q5_donnees": "Interface avec les outils régionaux",
	},
	"24": { // Centre-Val de Loire
		"q1_plan_action": "NON", "q2_prestataires": "NON", "q3_appel_offres": "NON", "q5_interop_imilo": "OUI",
	},
	"94": { // Corse
		"q1_plan_action": "OUI", "q1_description": "Diagnostic et formation des équipes ; projet « U Pitchu, 45 secondes pour convaincre » ; ateliers numériques pour les jeunes.",
		"q2_prestataires": "NON", "q3_appel_offres": "NON", "q4_applications": "U Pitchu | Facebook",
		"q5_interop_imilo": "NON", "q6_cout_total": 61200.0,
	},
	"44": { // Grand Est (ancienne Lorraine)
		"q1_plan_action": "NON", "q2_prestataires": "OUI", "q2_liste": "Tribe IT Partners | WeTechCare",
		"q3_appel_offres": "OUI", "q4_applications": "Clicnjob | Facebook | Site internet", "q5_interop_imilo": "OUI",
	},
	"32": { // Hauts-de-France
		"q1_plan_action": "NON", "q2_prestataires": "NC", "q3_appel_offres": "NON", "q4_applications": "Facebook | Snapchat",
		"q5_interop_imilo": "NC", "q5_donnees": "Open data et partage de données entre partenaires",
	},
	"11": { // Île-de-France
		"q1_plan_action": "OUI", "q1_description": "Feuille de route système d'information à trois ans : insertion des jeunes, accompagnement du réseau, expertise.",
		"q2_prestataires": "OUI", "q2_liste": "Fondation Orange | Fondation Accenture | Rézosocial | Coccinet",
		"q3_appel_offres": "NON", "q4_applications": "Passeport numérique Orange | CMS Wordpress | Messagerie",
		"q5_interop_imilo": "OUI", "q6_cout_total": 384700.0, "q6_cout_compte_60": 366800.0,
		"q6_cout_compte_61": 5500.0, "q6_cout_compte_62": 12400.0,
	},
	"28": { // Normandie
		"q1_plan_action": "OUI", "q1_description": "Accompagner les jeunes dans leurs usages numériques, vers les métiers de demain, et préparer la mutation numérique des missions locales.",
		"q2_prestataires": "OUI", "q2_liste": "WeTechCare", "q3_appel_offres": "NON",
		"q4_applications": "Clicnjob | Facebook", "q5_interop_imilo": "OUI", "q6_cout_total": 100000.0,
	},
	"75": { // Nouvelle-Aquitaine
		"q1_plan_action": "NON", "q2_prestataires": "OUI", "q2_liste": "Fondation Orange | ONISEP | Coopératice | CARIF-OREF",
		"q3_appel_offres": "OUI", "q4_applications": "Facebook | Site internet | Clicnjob", "q5_interop_imilo": "OUI",
	},
	"76": { // Occitanie: questions 2 to 5 left blank
		"q1_plan_action": "NON", "q4_applications": "Application de communication avec les jeunes (Haute-Garonne)",
	},
	"52": { // Pays de la Loire
		"q1_plan_action": "NON", "q2_prestataires": "NON", "q3_appel_offres": "NON",
		"q4_applications": "Site internet | Facebook | Autres", "q5_interop_imilo": "OUI",
	},
	"93": { // Provence-Alpes-Côte d'Azur
		"q1_plan_action": "OUI", "q2_prestataires": "NON", "q3_appel_offres": "NON",
		"q4_applications": "Clicnjob | Adecco analytics | Emploi store | Orient'action PACA", "q5_interop_imilo": "OUI",
	},
	"04": { // La Réunion
		"q1_plan_action": "NON", "q2_prestataires": "NON", "q3_appel_offres": "NON", "q5_interop_imilo": "OUI",
	},
}

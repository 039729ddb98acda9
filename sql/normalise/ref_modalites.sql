-- The dimensions of the breakdowns of youth counts and their modalités, in the order of
-- the outputs, with their French labels as the methodology's sentence prints them. Each
-- youth has one modalité per dimension (stg_jeunes, profil); every modalité listed is in
-- indicateurs_ventiles, 0 included.
-- sexe_age is the cross of sexe and age (ref_profils, croisements), the reports' profile
-- tables and pyramid: women and men by age band, and the youths of unknown sexe in one
-- modalité whatever their age (a third of the cells for a few youths).
SELECT * FROM (VALUES
    (1, 'sexe', 'sexe', 1, 'F', 'femmes'),
    (1, 'sexe', 'sexe', 2, 'H', 'hommes'),
    (1, 'sexe', 'sexe', 3, 'inconnu', 'inconnu'),
    (2, 'age', 'âge au 31/12', 1, 'moins_de_18', 'moins de 18 ans'),
    (2, 'age', 'âge au 31/12', 2, '18_21', '18 à 21 ans'),
    (2, 'age', 'âge au 31/12', 3, '22_25', '22 à 25 ans'),
    (2, 'age', 'âge au 31/12', 4, '26_et_plus', '26 ans et plus'),
    (3, 'niveau_formation', 'niveau de formation', 1, 'infra_V', 'infra V [VI, V bis ; 1, 2]'),
    (3, 'niveau_formation', 'niveau de formation', 2, 'V', 'V [V ; 3]'),
    (3, 'niveau_formation', 'niveau de formation', 3, 'IV', 'IV [IV ; 4]'),
    (3, 'niveau_formation', 'niveau de formation', 4, 'III_et_plus', 'III et plus [III, II, I ; 5 à 8]'),
    (3, 'niveau_formation', 'niveau de formation', 5, 'inconnu', 'inconnu'),
    (4, 'qpv', 'résidence en QPV', 1, 'oui', 'oui'),
    (4, 'qpv', 'résidence en QPV', 2, 'non', 'non'),
    (4, 'qpv', 'résidence en QPV', 3, 'inconnu', 'inconnu'),
    (5, 'zrr', 'résidence en ZRR', 1, 'oui', 'oui'),
    (5, 'zrr', 'résidence en ZRR', 2, 'non', 'non'),
    (5, 'zrr', 'résidence en ZRR', 3, 'inconnu', 'inconnu'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 1, 'F_moins_de_18', 'femmes de moins de 18 ans'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 2, 'F_18_21', 'femmes de 18 à 21 ans'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 3, 'F_22_25', 'femmes de 22 à 25 ans'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 4, 'F_26_et_plus', 'femmes de 26 ans et plus'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 5, 'H_moins_de_18', 'hommes de moins de 18 ans'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 6, 'H_18_21', 'hommes de 18 à 21 ans'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 7, 'H_22_25', 'hommes de 22 à 25 ans'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 8, 'H_26_et_plus', 'hommes de 26 ans et plus'),
    (6, 'sexe_age', 'sexe et âge au 31/12', 9, 'inconnu', 'sexe inconnu, tous âges')
) AS t(rang_dimension, dimension, libelle_dimension, rang, modalite, libelle)

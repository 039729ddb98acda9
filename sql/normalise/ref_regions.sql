-- French names of the 2016 regions (INSEE codes), as the reports print them.
SELECT * FROM (VALUES
    ('01', 'Guadeloupe'), ('02', 'Martinique'), ('03', 'Guyane'), ('04', 'La Réunion'),
    ('06', 'Mayotte'), ('11', 'Île-de-France'), ('24', 'Centre-Val de Loire'),
    ('27', 'Bourgogne-Franche-Comté'), ('28', 'Normandie'), ('32', 'Hauts-de-France'),
    ('44', 'Grand Est'), ('52', 'Pays de la Loire'), ('53', 'Bretagne'),
    ('75', 'Nouvelle-Aquitaine'), ('76', 'Occitanie'), ('84', 'Auvergne-Rhône-Alpes'),
    ('93', 'Provence-Alpes-Côte d''Azur'), ('94', 'Corse')
) AS t(region, nom)

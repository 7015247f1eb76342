"""Back-office pages of the steunpunt's development, under /admin/ontwikkeling/. Every page is for
the coordinator of the steunpunt (``Action.DEVELOPMENT_MANAGE``); anyone else gets 404."""

from .articles import ArticlePage, ArticleSource, InformationLibraryPage, RelatedArticle
from .supplements import RegionalSupplement, SupplementCheck
from .themes import Theme

__all__ = [
    "ArticlePage",
    "ArticleSource",
    "InformationLibraryPage",
    "RegionalSupplement",
    "RelatedArticle",
    "SupplementCheck",
    "Theme",
]

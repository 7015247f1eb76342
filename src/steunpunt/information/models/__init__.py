from .articles import ArticlePage, ArticleSource, InformationLibraryPage, RelatedArticle
from .feedback import ArticleFeedback
from .glossary import GlossaryTerm
from .search import SearchCount, SearchSynonym
from .supplements import RegionalSupplement, SupplementCheck
from .themes import Theme

__all__ = [
    "ArticleFeedback",
    "ArticlePage",
    "ArticleSource",
    "GlossaryTerm",
    "InformationLibraryPage",
    "RegionalSupplement",
    "RelatedArticle",
    "SearchCount",
    "SearchSynonym",
    "SupplementCheck",
    "Theme",
]

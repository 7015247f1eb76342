from .articles import ArticlePage, ArticleSource, InformationLibraryPage, RelatedArticle
from .feedback import ArticleFeedback
from .glossary import GlossaryTerm
from .search import SearchCount, SearchPosting, SearchSynonym, SearchTerm
from .supplements import RegionalSupplement, SupplementCheck
from .themes import Theme
from .translations import TranslationCheck, TranslationReviewTask
from .usage import ArticleView
from .validation import ExpertCheck, ExpertCheckTask, PanelReview, PanelReviewTask

__all__ = [
    "ArticleFeedback",
    "ArticlePage",
    "ArticleSource",
    "ArticleView",
    "ExpertCheck",
    "ExpertCheckTask",
    "GlossaryTerm",
    "InformationLibraryPage",
    "PanelReview",
    "PanelReviewTask",
    "RegionalSupplement",
    "RelatedArticle",
    "SearchCount",
    "SearchPosting",
    "SearchSynonym",
    "SearchTerm",
    "SupplementCheck",
    "Theme",
    "TranslationCheck",
    "TranslationReviewTask",
]

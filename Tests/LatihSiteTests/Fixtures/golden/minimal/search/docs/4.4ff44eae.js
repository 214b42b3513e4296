(self.latihSearchData=self.latihSearchData||{})["search/docs/4.4ff44eae"]="EMZe)MR9DZ_$Q 6!OfR)žC)dsJG$R)@df9Dn1'@5$A<LOE@̀";

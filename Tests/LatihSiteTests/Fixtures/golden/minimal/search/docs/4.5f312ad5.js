(self.latihSearchData=self.latihSearchData||{})["search/docs/4.5f312ad5"]="EMZe)MR9DZ_$Q 6!OfR)žC)dsJG$R)@df9Dn1'@5$A<LOE@̀";
